package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel queries (§9.6) answered from what subscribers on the wire did. */
class ChannelQueriesTest {
  final ApiFixture api =
      new ApiFixture(
          "{\"id\":\"1\",\"key\":\"key1\",\"secret\":\"secret1\",\"userAuthentication\":true}");

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void channelsListsOccupiedChannelsByPrefix() {
    api.connect("1").subscribe("news");
    api.connect("1").subscribe("news");
    api.connect("1").subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    // a signed-in user's own channel is no channel of the app's
    api.connect("1").signIn("{\"id\":\"7\"}");
    var left = api.connect("1");
    left.subscribe("gone");
    left.unsubscribe("gone");

    assertThat(api.get("1", "/channels", Map.of()))
        .isEqualTo(new ApiResponse(200, "{\"channels\":{\"news\":{},\"presence-room\":{}}}"));
    assertThat(api.get("1", "/channels", Map.of("info", "subscription_count")).body())
        .isEqualTo(
            "{\"channels\":{\"news\":{\"subscription_count\":2},"
                + "\"presence-room\":{\"subscription_count\":1}}}");
    assertThat(
            api.get("1", "/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"))
                .body())
        .isEqualTo("{\"channels\":{\"presence-room\":{\"user_count\":1}}}");
    assertThat(api.get("1", "/channels", Map.of("info", "user_count")))
        .isEqualTo(
            new ApiResponse(
                400,
                "{\"error\":\"info=user_count needs filter_by_prefix starting with presence-\"}"));
  }

  @Test
  void oneChannel() {
    api.connect("1").subscribe("news");
    assertThat(api.get("1", "/channels/news", Map.of("info", "subscription_count")))
        .isEqualTo(new ApiResponse(200, "{\"occupied\":true,\"subscription_count\":1}"));
    assertThat(api.get("1", "/channels/empty", Map.of("info", "subscription_count")))
        .isEqualTo(new ApiResponse(200, "{\"occupied\":false,\"subscription_count\":0}"));
    assertThat(api.get("1", "/channels/news", Map.of("info", "user_count")))
        .isEqualTo(
            new ApiResponse(
                400, "{\"error\":\"info=user_count is only available for presence channels\"}"));
  }

  @Test
  void theCacheOfACacheChannelWithItsRemainingTtl() {
    assertThat(api.get("1", "/channels/cache-pos", Map.of("info", "cache")).body())
        .isEqualTo("{\"occupied\":false,\"cache\":null}");
    api.post("1", "/events", "{\"name\":\"moved\",\"channel\":\"cache-pos\",\"data\":\"1\"}");
    assertThat(api.get("1", "/channels/cache-pos", Map.of("info", "cache")).body())
        .isEqualTo(
            "{\"occupied\":false,\"cache\":{\"event\":\"moved\",\"data\":\"1\",\"ttl\":1800}}");
  }

  @Test
  void usersOfAPresenceChannel() {
    api.connect("1").subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    api.connect("1").subscribePresence("presence-room", "{\"user_id\":2}");
    api.connect("1").subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    assertThat(api.get("1", "/channels/presence-room/users", Map.of()))
        .isEqualTo(new ApiResponse(200, "{\"users\":[{\"id\":\"1\"},{\"id\":\"2\"}]}"));
    assertThat(api.get("1", "/channels/news/users", Map.of()))
        .isEqualTo(
            new ApiResponse(400, "{\"error\":\"Users are only available for presence channels\"}"));
  }
}

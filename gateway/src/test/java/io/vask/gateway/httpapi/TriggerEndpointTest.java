package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.channel.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /apps/{id}/events} from the request to the frames subscribers get (§9.4). */
class TriggerEndpointTest {
  final ApiFixture api =
      new ApiFixture(
          "{\"id\":\"1\",\"key\":\"key1\",\"secret\":\"secret1\",\"maxMessageBytes\":1024,"
              + "\"maxChannelsPerTrigger\":2}");

  @AfterEach
  void close() {
    api.close();
  }

  static String error(String message) {
    return "{\"error\":\"" + message + "\"}";
  }

  @Test
  void theEventReachesSubscribersOfEveryChannelWithItsDataUntouched() {
    WireClient news = subscribed("news");
    WireClient sport = subscribed("sport");
    ApiResponse response =
        api.post(
            "1",
            "/events",
            "{\"name\":\"App\\\\Events\\\\Goal\",\"channels\":[\"news\",\"sport\"],"
                + "\"data\":\"{\\\"score\\\":1}\"}");
    assertThat(response).isEqualTo(new ApiResponse(200, "{}"));
    assertThat(news.take())
        .containsExactly(
            "{\"event\":\"App\\\\Events\\\\Goal\",\"channel\":\"news\","
                + "\"data\":\"{\\\"score\\\":1}\"}");
    assertThat(sport.take()).singleElement().asString().contains("\"channel\":\"sport\"");
  }

  @Test
  void nonStringDataIsSentAsItsJsonText() {
    WireClient news = subscribed("news");
    api.post("1", "/events", "{\"name\":\"e\",\"channel\":\"news\",\"data\":{\"a\":[1,2]}}");
    assertThat(news.take())
        .containsExactly("{\"event\":\"e\",\"channel\":\"news\",\"data\":\"{\\\"a\\\":[1,2]}\"}");
  }

  @Test
  void theSocketIdIsExcluded() {
    WireClient author = subscribed("news");
    WireClient reader = subscribed("news");
    api.post(
        "1",
        "/events",
        "{\"name\":\"e\",\"channel\":\"news\",\"data\":\"d\",\"socket_id\":\""
            + author.socketId()
            + "\"}");
    assertThat(author.take()).isEmpty();
    assertThat(reader.take()).hasSize(1);
  }

  @Test
  void infoAnswersTheCountsThatApplyToEachChannel() {
    subscribed("news");
    subscribed("news");
    api.connect("1").subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    ApiResponse response =
        api.post(
            "1",
            "/events",
            "{\"name\":\"e\",\"channels\":[\"news\",\"presence-room\"],\"data\":\"d\","
                + "\"info\":\"user_count,subscription_count\"}");
    assertThat(response)
        .isEqualTo(
            new ApiResponse(
                200,
                "{\"channels\":{\"news\":{\"subscription_count\":2},"
                    + "\"presence-room\":{\"user_count\":1,\"subscription_count\":1}}}"));
  }

  @Test
  void dataOverTheAppsLimitIs413AndNotSent() {
    WireClient news = subscribed("news");
    ApiResponse response =
        api.post(
            "1",
            "/events",
            "{\"name\":\"e\",\"channel\":\"news\",\"data\":\"" + "x".repeat(1025) + "\"}");
    assertThat(response)
        .isEqualTo(new ApiResponse(413, error("Event data is larger than 1024 bytes")));
    assertThat(news.take()).isEmpty();
  }

  @Test
  void invalidEventsAre400() {
    assertThat(api.post("1", "/events", "{\"channel\":\"news\",\"data\":\"d\"}"))
        .isEqualTo(
            new ApiResponse(400, error("Missing \\\"name\\\" (expected a non-empty string)")));
    assertThat(api.post("1", "/events", "{\"name\":\"pusher:x\",\"channel\":\"a\",\"data\":\"d\"}"))
        .isEqualTo(
            new ApiResponse(
                400,
                error(
                    "Event name \\\"pusher:x\\\" is reserved (pusher: and pusher_internal: are)")));
    assertThat(api.post("1", "/events", "{\"name\":\"e\",\"channel\":\"a\"}"))
        .isEqualTo(new ApiResponse(400, error("Missing \\\"data\\\"")));
    assertThat(
            api.post(
                "1", "/events", "{\"name\":\"e\",\"channels\":[\"a\",\"b\",\"c\"],\"data\":\"d\"}"))
        .isEqualTo(new ApiResponse(400, error("Too many channels: at most 2 per event")));
    assertThat(
            api.post(
                "1",
                "/events",
                "{\"name\":\"e\",\"channel\":\"a\",\"data\":\"d\",\"socket_id\":\"x\"}"))
        .isEqualTo(
            new ApiResponse(400, error("Invalid socket_id \\\"x\\\" (expected digits.digits)")));
    assertThat(
            api.post(
                "1",
                "/events",
                "{\"name\":\"e\",\"channels\":[\"a\",\"private-encrypted-b\"],\"data\":\"d\"}"))
        .isEqualTo(
            new ApiResponse(
                400, error("An event to an encrypted channel may only go to that one channel")));
  }

  @Test
  void cacheChannelsKeepTheLastEventForNewSubscribers() {
    api.post("1", "/events", "{\"name\":\"moved\",\"channel\":\"cache-pos\",\"data\":\"1\"}");
    api.post("1", "/events", "{\"name\":\"moved\",\"channel\":\"cache-pos\",\"data\":\"2\"}");
    WireClient late = api.connect("1");
    late.subscribe("cache-pos");
    assertThat(late.take())
        .last()
        .isEqualTo("{\"event\":\"moved\",\"channel\":\"cache-pos\",\"data\":\"2\"}");
  }

  private WireClient subscribed(String channel) {
    WireClient client = api.connect("1");
    client.subscribe(channel);
    client.take();
    return client;
  }
}

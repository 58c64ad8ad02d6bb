package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.channel.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /apps/{id}/batch_events}: all items validated before any is sent (§9.5). */
class BatchEventsEndpointTest {
  final ApiFixture api =
      new ApiFixture(
          "{\"id\":\"1\",\"key\":\"key1\",\"secret\":\"secret1\",\"maxEventsPerBatch\":3}");

  @AfterEach
  void close() {
    api.close();
  }

  static String item(String channel, String data) {
    return "{\"name\":\"e\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}";
  }

  @Test
  void everyItemIsSentInOrder() {
    WireClient client = api.connect("1");
    client.subscribe("a");
    client.subscribe("b");
    client.take();
    ApiResponse response =
        api.post(
            "1",
            "/batch_events",
            "{\"batch\":[" + item("a", "1") + "," + item("b", "2") + "," + item("a", "3") + "]}");
    assertThat(response).isEqualTo(new ApiResponse(200, "{}"));
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"e\",\"channel\":\"a\",\"data\":\"1\"}",
            "{\"event\":\"e\",\"channel\":\"b\",\"data\":\"2\"}",
            "{\"event\":\"e\",\"channel\":\"a\",\"data\":\"3\"}");
  }

  @Test
  void oneInvalidItemRefusesTheWholeBatch() {
    WireClient client = api.connect("1");
    client.subscribe("a");
    client.take();
    ApiResponse response =
        api.post(
            "1",
            "/batch_events",
            "{\"batch\":[" + item("a", "1") + ",{\"name\":\"e\",\"channel\":\"a\"}]}");
    assertThat(response).isEqualTo(new ApiResponse(400, "{\"error\":\"Missing \\\"data\\\"\"}"));
    assertThat(client.take()).isEmpty();
  }

  @Test
  void batchShapeAndSizeRules() {
    assertThat(api.post("1", "/batch_events", "{}"))
        .isEqualTo(
            new ApiResponse(
                400, "{\"error\":\"Missing \\\"batch\\\" (expected an array of events)\"}"));
    String four = String.join(",", item("a", "1"), item("a", "2"), item("a", "3"), item("a", "4"));
    assertThat(api.post("1", "/batch_events", "{\"batch\":[" + four + "]}"))
        .isEqualTo(new ApiResponse(400, "{\"error\":\"Batch too large: at most 3 events\"}"));
    assertThat(
            api.post(
                "1",
                "/batch_events",
                "{\"batch\":[{\"name\":\"e\",\"channels\":[\"a\"],\"data\":\"d\"}]}"))
        .isEqualTo(
            new ApiResponse(
                400,
                "{\"error\":\"Batch events take one \\\"channel\\\", not \\\"channels\\\"\"}"));
  }

  @Test
  void infoIsAnsweredPerItemInRequestOrder() {
    api.connect("1").subscribe("a");
    ApiResponse response =
        api.post(
            "1",
            "/batch_events",
            "{\"batch\":["
                + item("b", "1")
                + ",{\"name\":\"e\",\"channel\":\"a\",\"data\":\"d\","
                + "\"info\":\"subscription_count\"}]}");
    assertThat(response)
        .isEqualTo(new ApiResponse(200, "{\"batch\":[{},{\"subscription_count\":1}]}"));
  }
}

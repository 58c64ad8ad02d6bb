package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.PusherError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Walks the HTTP error catalog: client and server error statuses, templates, the body shape. */
class ApiErrorTest {

  @ParameterizedTest
  @EnumSource(ApiError.class)
  void everyErrorHasAnErrorStatusAndAWellFormedTemplate(ApiError error) {
    assertThat(error.status()).as("%s", error).isBetween(400, 599);
    String text = error.template().text();
    assertThat(text.replaceAll("\\{[A-Za-z]+}", "")).as("%s", error).doesNotContain("{", "}");
    assertThat(text).as("%s", error).isNotBlank();
  }

  @Test
  void theResponseIsTheStatusAndAnErrorObject() {
    ApiResponse response = ApiResponse.error(ApiError.METHOD_NOT_ALLOWED, "PUT");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.body()).isEqualTo("{\"error\":\"Method PUT not allowed\"}");
    assertThat(ApiResponse.error(ApiError.APP_NOT_FOUND, "x\"y").body())
        .isEqualTo("{\"error\":\"Unknown app \\\"x\\\"y\\\"\"}");
  }

  @Test
  void anInvalidChannelNameReadsTheSameOverHttpAndWebSocket() {
    String name = ChannelName.shortened("a b");

    assertThat(ApiError.CHANNEL_NAME_INVALID.message(name))
        .isEqualTo(PusherError.CHANNEL_NAME_INVALID.with(name).message());
  }

  @Test
  void anExceptionAnswersWithItsError() {
    ApiException refused = new ApiException(ApiError.TOO_MANY_CHANNELS, 100);

    assertThat(refused.response().status()).isEqualTo(400);
    assertThat(refused.getMessage()).isEqualTo("Too many channels: at most 100 per event");
  }
}

package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.channel.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /apps/{id}/users/{user}/terminate_connections} (§5.4, §9.7). */
class TerminateEndpointTest {
  final ApiFixture api =
      new ApiFixture(
          "{\"id\":\"1\",\"key\":\"key1\",\"secret\":\"secret1\",\"userAuthentication\":true}");

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void closesEveryConnectionSignedInAsTheUserWith4009() {
    WireClient phone = api.connect("1");
    WireClient laptop = api.connect("1");
    WireClient someoneElse = api.connect("1");
    phone.signIn("{\"id\":\"7\"}");
    laptop.signIn("{\"id\":\"7\"}");
    someoneElse.signIn("{\"id\":\"8\"}");

    assertThat(api.post("1", "/users/7/terminate_connections", "{}"))
        .isEqualTo(new ApiResponse(200, "{}"));
    assertThat(phone.closeCode()).isEqualTo(4009);
    assertThat(laptop.closeCode()).isEqualTo(4009);
    assertThat(someoneElse.closeCode()).isNull();
  }
}

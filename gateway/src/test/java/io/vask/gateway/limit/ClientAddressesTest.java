package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from trusted proxies, and only for the hops they added. */
class ClientAddressesTest {
  private final ClientAddresses behindIngress =
      new ClientAddresses(ClientAddresses.parseList("10.0.0.0/8, 192.168.1.7"));

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItClaims() {
    assertThat(behindIngress.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(new ClientAddresses(ClientAddresses.parseList("")).resolve("10.1.1.1", "1.2.3.4"))
        .isEqualTo("10.1.1.1");
  }

  @Test
  void behindATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
    assertThat(behindIngress.resolve("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    // the client prepended a fake address; the ingress appended the real one
    assertThat(behindIngress.resolve("10.1.2.3", "1.1.1.1, 198.51.100.1, 192.168.1.7"))
        .isEqualTo("198.51.100.1");
    assertThat(behindIngress.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
  }

  @Test
  void garbageInTheHeaderStopsAtTheLastGoodHop() {
    assertThat(behindIngress.resolve("10.1.2.3", "evil.example.com, 10.9.9.9"))
        .isEqualTo("10.9.9.9");
  }

  @Test
  void cidrBlocksMatchIpv4AndIpv6AndRefuseNames() {
    assertThat(CidrBlock.parse("172.16.0.0/12").contains("172.31.255.1")).isTrue();
    assertThat(CidrBlock.parse("172.16.0.0/12").contains("172.32.0.1")).isFalse();
    assertThat(CidrBlock.parse("fc00::/7").contains("fd12::1")).isTrue();
    assertThat(CidrBlock.parse("fc00::/7").contains("10.0.0.1")).isFalse();
    assertThat(CidrBlock.parse("::1").contains("::1")).isTrue();
    assertThatThrownBy(() -> CidrBlock.parse("example.com/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CidrBlock.parse("300.0.0.0/8"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

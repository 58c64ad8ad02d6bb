package io.vask.gateway.limit;

import java.util.List;

/**
 * Which address a connection counts against. The peer's own address, unless the peer is a trusted
 * proxy (a load balancer or ingress): then {@code X-Forwarded-For} is read from the right, skipping
 * trusted proxies, and the first untrusted hop is the client. A client can prepend anything to the
 * header, so only what trusted proxies appended is believed.
 */
public final class ClientAddresses {
  /** Loopback and private ranges: where load balancers and ingress pods usually sit. */
  public static final String PRIVATE_RANGES =
      "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,::1/128,fc00::/7";

  private final List<CidrBlock> trusted;

  public ClientAddresses(List<CidrBlock> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Parses a comma-separated list of addresses and CIDR blocks; empty trusts no proxy. */
  public static List<CidrBlock> parseList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(CidrBlock::parse)
        .toList();
  }

  /** The client's address, given the peer's address and the {@code X-Forwarded-For} header. */
  public String resolve(String peer, String forwardedFor) {
    if (forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (CidrBlock.literal(hop) == null) {
        return client; // garbage from the client's side of the chain: stop at the last good hop
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    for (CidrBlock block : trusted) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }
}

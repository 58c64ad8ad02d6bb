package io.vask.gateway.limit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a /32 (/128).
 */
public record CidrBlock(byte[] network, int prefix) {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

  /** Parses {@code address[/prefix]}; only literal addresses, never a DNS lookup. */
  public static CidrBlock parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("prefix out of range in " + text);
    }
    return new CidrBlock(bytes, prefix);
  }

  /** Whether {@code address} (a literal) lies in this block. */
  public boolean contains(String address) {
    byte[] bytes = literal(address);
    if (bytes == null || bytes.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (bytes[full] & mask) == (network[full] & mask);
  }

  /** The bytes of an IPv4 or IPv6 literal, or null for anything else (no name resolution). */
  static byte[] literal(String address) {
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    boolean ipv4 = a.matches(IPV4);
    boolean ipv6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
    if (!ipv4 && !ipv6) {
      return null;
    }
    try {
      return InetAddress.getByName(a).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CidrBlock block
        && prefix == block.prefix
        && Arrays.equals(network, block.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return Arrays.toString(network) + "/" + prefix;
    }
  }
}

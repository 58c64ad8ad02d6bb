package io.vask.gateway.protocol;

import java.util.Optional;

/**
 * A validated channel name with its type and cache flag. Prefixes are matched longest first, always
 * with the trailing hyphen (PROTOCOL.md §2.2).
 */
public record ChannelName(String value, ChannelType type, boolean cached) {
  public static final int MAX_LENGTH = 200;
  public static final String USER_PREFIX = "#server-to-user-";

  /** Parses a name; empty when it breaks the rules of §2.1. */
  public static Optional<ChannelName> parse(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    if (name.startsWith(USER_PREFIX)) {
      return name.length() > USER_PREFIX.length() && name.length() <= MAX_LENGTH + 100
          ? Optional.of(new ChannelName(name, ChannelType.USER, false))
          : Optional.empty();
    }
    if (name.length() > MAX_LENGTH || !hasValidChars(name)) {
      return Optional.empty();
    }
    return Optional.of(classify(name));
  }

  /** The user id of a {@code #server-to-user-} channel. */
  public String userId() {
    return type == ChannelType.USER ? value.substring(USER_PREFIX.length()) : null;
  }

  /** A (possibly invalid) name as error messages quote it: cut after 60 characters, "" for none. */
  public static String shortened(String name) {
    if (name == null) {
      return "";
    }
    return name.length() <= 60 ? name : name.substring(0, 60) + "...";
  }

  private static ChannelName classify(String name) {
    if (name.startsWith("private-encrypted-cache-")) {
      return new ChannelName(name, ChannelType.ENCRYPTED, true);
    }
    if (name.startsWith("private-encrypted-")) {
      return new ChannelName(name, ChannelType.ENCRYPTED, false);
    }
    if (name.startsWith("private-cache-")) {
      return new ChannelName(name, ChannelType.PRIVATE, true);
    }
    if (name.startsWith("private-")) {
      return new ChannelName(name, ChannelType.PRIVATE, false);
    }
    if (name.startsWith("presence-cache-")) {
      return new ChannelName(name, ChannelType.PRESENCE, true);
    }
    if (name.startsWith("presence-")) {
      return new ChannelName(name, ChannelType.PRESENCE, false);
    }
    return new ChannelName(name, ChannelType.PUBLIC, name.startsWith("cache-"));
  }

  private static boolean hasValidChars(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '='
              || c == '@'
              || c == ','
              || c == '.'
              || c == ';';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

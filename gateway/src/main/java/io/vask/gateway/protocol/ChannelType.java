package io.vask.gateway.protocol;

/** What a channel's prefix makes it (PROTOCOL.md §2.2). */
public enum ChannelType {
  PUBLIC(false),
  PRIVATE(true),
  ENCRYPTED(true),
  PRESENCE(true),
  /** {@code #server-to-user-{id}}: only the connection signed in as that user may subscribe. */
  USER(false);

  private final boolean signed;

  ChannelType(boolean signed) {
    this.signed = signed;
  }

  /** Whether subscribing needs a channel authorization signature. */
  public boolean needsAuth() {
    return signed;
  }
}

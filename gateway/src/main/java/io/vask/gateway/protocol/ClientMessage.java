package io.vask.gateway.protocol;

/** Everything a client may send, as parsed from one text frame (PROTOCOL.md §1–5). */
public sealed interface ClientMessage {

  record Subscribe(String channel, String auth, String channelData) implements ClientMessage {}

  record Unsubscribe(String channel) implements ClientMessage {}

  record Ping() implements ClientMessage {}

  record Pong() implements ClientMessage {}

  record Signin(String auth, String userData) implements ClientMessage {}

  /** A {@code client-*} event; {@code data} is the text to forward as the frame's data string. */
  record ClientEvent(String event, String channel, String data) implements ClientMessage {}

  /** An unknown {@code pusher:*} event: ignored silently. */
  record Ignored(String event) implements ClientMessage {}

  /** A frame that breaks the protocol; answered with the error, the socket stays open. */
  record Invalid(PusherError.Message error) implements ClientMessage {}
}

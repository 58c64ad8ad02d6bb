package io.vask.gateway.connection;

import io.vask.contract.AppSettings;
import io.vask.gateway.channel.Session;
import io.vask.gateway.protocol.PusherError;

/** What {@link Admission} decided about a new socket. */
public sealed interface Verdict {
  /** Let in, with its session; it holds a place in the app's connection quota. */
  record Admitted(AppSettings app, Session session) implements Verdict {}

  /** Turned away; the socket has been closed with the error's code. */
  record Refused(PusherError.Message error) implements Verdict {}
}

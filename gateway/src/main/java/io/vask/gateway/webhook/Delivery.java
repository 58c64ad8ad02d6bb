package io.vask.gateway.webhook;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * One webhook request on its way to one target: the request built once (every retry sends the
 * identical bytes), its attempts so far, when it may next be sent, and the future its outbox event
 * waits on. Mutable, but only under the {@link WebhookBacklog}'s lock or by the one sender that
 * took it out.
 */
final class Delivery {
  final String target;
  final HttpRequest http;
  final long createdMillis;
  final long bytes;
  final long seq;
  final CompletableFuture<Void> done = new CompletableFuture<>();
  int attempts;

  /** The request's body (the bytes {@link #http} sends), for the debug console's record. */
  byte[] body;

  /** The app the request is of ({@code vask_webhooks_*} series carry it) and its event count. */
  String appId = "";

  int events;

  long dueMillis;

  Delivery(String target, HttpRequest http, long createdMillis, long bytes, long seq, long due) {
    this.target = target;
    this.http = http;
    this.createdMillis = createdMillis;
    this.bytes = bytes;
    this.seq = seq;
    this.dueMillis = due;
  }
}

package io.vask.contract;

/**
 * The Pusher dashboard toggles of an app.
 *
 * @param userAuthentication Pusher's "authorized connections": unsigned sockets are closed
 * @param batchWebhooks combine several webhook events into one request
 * @param eventMetadata add the server time ({@code vask_ts}, epoch ms) to every delivered event
 */
public record AppFeatures(
    boolean clientEvents,
    boolean userAuthentication,
    boolean subscriptionCount,
    boolean watchlistEvents,
    boolean batchWebhooks,
    boolean eventMetadata) {

  public static final AppFeatures DEFAULTS =
      new AppFeatures(false, false, false, true, false, false);
}

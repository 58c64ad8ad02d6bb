package io.vask.contract;

/**
 * The Pusher dashboard toggles of an app.
 *
 * @param userAuthentication Pusher's "authorized connections": unsigned sockets are closed
 * @param batchWebhooks combine several webhook events into one request
 */
public record AppFeatures(
    boolean clientEvents,
    boolean userAuthentication,
    boolean subscriptionCount,
    boolean watchlistEvents,
    boolean batchWebhooks) {

  public static final AppFeatures DEFAULTS = new AppFeatures(false, false, false, true, false);
}

/**
 * Webhooks (PROTOCOL.md §10): {@link io.vask.gateway.webhook.WebhookDispatcher} filters by the
 * app's settings, de-bounces vacated/member_removed for 3 s and enqueues decided events into the
 * {@link io.vask.gateway.cluster.WebhookOutbox}; {@link io.vask.gateway.webhook.WebhookSender}
 * takes them out, batches, signs and POSTs them, retrying with exponential back-off for 5 minutes.
 * Nothing here blocks an event loop: HTTP calls are asynchronous and timers run on a scheduler.
 */
package io.vask.gateway.webhook;

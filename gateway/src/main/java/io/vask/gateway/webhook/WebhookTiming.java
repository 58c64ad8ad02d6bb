package io.vask.gateway.webhook;

/**
 * When webhooks go out: the retry back-off and give-up span, and how long events of a batching app
 * wait to share a request.
 */
public record WebhookTiming(RetryPolicy retries, long batchWindowMillis) {}

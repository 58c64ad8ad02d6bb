// A local webhook receiver: records every request with its raw body and headers, answers 200.
import { waitFor } from "./await.mjs";
import { startHttpServer } from "./http-server.mjs";

/**
 * `requests` holds `{headers, rawBody, body}` per request (headers lower-cased by node, as the
 * pusher SDK's `webhook({headers, rawBody})` expects); `events()` flattens their `events` arrays.
 */
export async function startWebhookReceiver() {
  const requests = [];
  const http = await startHttpServer((request, rawBody, response) => {
    let body = null;
    try {
      body = JSON.parse(rawBody);
    } catch {
      // recorded as is: a test asserting on it reports the raw body
    }
    requests.push({ method: request.method, path: request.url, headers: request.headers, rawBody, body });
    response.writeHead(200);
    response.end();
  });
  const receiver = {
    url: `${http.baseUrl}/pusher/webhooks`,
    requests,
    events: () => requests.flatMap((request) => (request.body?.events ?? []).map((event) => ({ ...event, request }))),
    /** Waits for a received event that passes `accept` and resolves with it (its `request` attached). */
    waitForEvent(accept, { timeoutMs = 10_000, what = "a webhook event" } = {}) {
      return waitFor(() => receiver.events().find(accept), { timeoutMs, what });
    },
    close: http.close,
  };
  return receiver;
}

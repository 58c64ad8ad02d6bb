// Await helpers: every wait is for a condition or an event, never a fixed delay.

const DEFAULT_TIMEOUT_MS = 10_000;

/** Resolves when `check()` returns a truthy value (which is returned), polling until `timeoutMs`. */
export async function waitFor(check, { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 25, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? `: ${lastError.message ?? lastError}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rejects with a clear message when `promise` does not settle within `timeoutMs`. */
export function withTimeout(promise, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The next emission of `eventName` on a pusher-js bindable (a channel, `pusher.connection`,
 * `pusher.user`, `pusher.user.watchlist`) whose data passes `accept`; resolves with
 * `{data, metadata}`.
 */
export function nextEvent(bindable, eventName, { accept = () => true, timeoutMs } = {}) {
  let handler;
  const received = new Promise((resolve) => {
    handler = (data, metadata) => {
      if (accept(data, metadata)) {
        bindable.unbind(eventName, handler);
        resolve({ data, metadata });
      }
    };
    bindable.bind(eventName, handler);
  });
  return withTimeout(received, `'${eventName}'`, timeoutMs).finally(() => bindable.unbind(eventName, handler));
}

/** Collects every emission of `eventName` on a pusher-js bindable into `recorder.events`. */
export function record(bindable, eventName) {
  const recorder = {
    events: [],
    /** Waits until at least `count` events were recorded, or one passes `accept` when given. */
    async waitFor(countOrAccept, timeoutMs) {
      const check =
        typeof countOrAccept === "function"
          ? () => recorder.events.find((event) => countOrAccept(event.data, event.metadata))
          : () => recorder.events.length >= countOrAccept && recorder.events;
      return waitFor(check, { what: `'${eventName}' events`, timeoutMs });
    },
    /** Waits until the most recent event passes `accept` (for state-like events such as counts). */
    async waitForLatest(accept, timeoutMs) {
      const latest = () => recorder.events[recorder.events.length - 1];
      return waitFor(() => latest() && accept(latest().data, latest().metadata) && latest(), {
        what: `the latest '${eventName}' event to match`,
        timeoutMs,
      });
    },
    stop() {
      bindable.unbind(eventName, handler);
    },
  };
  const handler = (data, metadata) => recorder.events.push({ data, metadata });
  bindable.bind(eventName, handler);
  return recorder;
}

/** A promise with its resolve and reject exposed, for callbacks that settle it later. */
export function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

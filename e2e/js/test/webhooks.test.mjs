// Issue 3: every webhook type, received by a local receiver and validated with the pusher (node)
// SDK's webhook(...).isValid(). channel_vacated and member_removed come ~3 s late (de-bounce).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startEnvironment, startWebhookReceiver, subscribed, waitFor } from "../harness/index.mjs";

const ALL_TYPES = [
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
];

describe("webhooks", () => {
  let env;
  let receiver;
  let server;

  before(async () => {
    receiver = await startWebhookReceiver();
    env = await startEnvironment({
      apps: {
        main: {
          clientEvents: true,
          subscriptionCount: true,
          webhooks: [{ url: receiver.url, events: ALL_TYPES }],
        },
        batched: {
          batchWebhooks: true,
          webhooks: [{ url: receiver.url, events: ["channel_occupied"], channelPrefix: "batch-" }],
        },
      },
    });
    server = env.sdk("main");
  });
  after(async () => {
    await env?.stop();
    await receiver?.close();
  });

  const fromApp = (name) => (request) => request.headers["x-pusher-key"] === env.apps[name].key;

  /** Waits for the main app's webhook event named `name` on `channel` that also matches `fields`. */
  function webhook(name, channel, fields = {}) {
    return receiver.waitForEvent(
      (event) =>
        fromApp("main")(event.request) &&
        event.name === name &&
        event.channel === channel &&
        Object.entries(fields).every(([key, value]) => event[key] === value),
      { what: `${name} on ${channel}`, timeoutMs: 15_000 },
    );
  }

  it("sends all seven types, each signed so that pusher(node).webhook().isValid() accepts it", async () => {
    // presence: occupied and member_added, then a client event carrying the sender's user_id
    const alice = await env.client("main", { user: "alice" });
    const bob = await env.client("main", { user: "bob" });
    const aliceRoom = await subscribed(alice, "presence-hooks");
    await subscribed(bob, "presence-hooks");
    aliceRoom.trigger("client-hello", { from: "alice" });
    // a private channel: a client event without user_id
    const carol = await env.client("main");
    const dave = await env.client("main");
    const carolChat = await subscribed(carol, "private-hooks");
    await subscribed(dave, "private-hooks");
    carolChat.trigger("client-note", "plain text");
    // a public channel for occupancy and counts, a cache channel for cache_miss
    const erin = await env.client("main");
    await subscribed(erin, "hooks-public");
    await subscribed(erin, "cache-hooks");

    await webhook("channel_occupied", "presence-hooks");
    await webhook("member_added", "presence-hooks", { user_id: "alice" });
    await webhook("member_added", "presence-hooks", { user_id: "bob" });
    const presenceEvent = await webhook("client_event", "presence-hooks", { event: "client-hello" });
    assert.equal(presenceEvent.data, JSON.stringify({ from: "alice" }), "client_event data is a string");
    assert.equal(presenceEvent.user_id, "alice");
    assert.equal(presenceEvent.socket_id, alice.connection.socket_id);
    const privateEvent = await webhook("client_event", "private-hooks", { event: "client-note" });
    assert.equal(privateEvent.data, "plain text");
    assert.equal(privateEvent.socket_id, carol.connection.socket_id);
    assert.equal("user_id" in privateEvent, false);
    await webhook("channel_occupied", "hooks-public");
    await webhook("subscription_count", "hooks-public", { subscription_count: 1 });
    await webhook("cache_miss", "cache-hooks");

    // leaving: member_removed for alice while bob stays, and a vacated channel
    alice.disconnect();
    erin.unsubscribe("hooks-public");
    await webhook("member_removed", "presence-hooks", { user_id: "alice" });
    await webhook("channel_vacated", "hooks-public");
    const presenceVacated = (event) => event.name === "channel_vacated" && event.channel === "presence-hooks";
    assert.equal(receiver.events().some(presenceVacated), false, "bob is still there");

    const seenTypes = new Set(receiver.events().map((event) => event.name));
    assert.deepEqual([...seenTypes].sort(), [...ALL_TYPES].sort());
    for (const request of receiver.requests.filter(fromApp("main"))) {
      assert.equal(request.method, "POST");
      assert.equal(request.path, "/pusher/webhooks");
      assert.equal(request.headers["content-type"], "application/json");
      assert.equal(request.headers["x-pusher-key"], env.apps.main.key);
      const hook = server.webhook({ headers: request.headers, rawBody: request.rawBody });
      assert.equal(hook.isValid(), true, `invalid webhook: ${request.rawBody}`);
      assert.equal(hook.getEvents().length, 1, "without batchWebhooks each request carries one event");
      assert.equal(typeof hook.getTime().getTime(), "number");
    }
  });

  it("is refused by isValid() when the body or the secret differs (the check is not vacuous)", () => {
    const request = receiver.requests.find(fromApp("main"));
    assert.ok(request, "the previous test received webhooks");
    const tampered = request.rawBody.replace(/"events"/, '"events" ');
    assert.equal(server.webhook({ headers: request.headers, rawBody: tampered }).isValid(), false);
    const otherSecret = env.sdk("main", { secret: "another-secret" });
    assert.equal(otherSecret.webhook({ headers: request.headers, rawBody: request.rawBody }).isValid(), false);
  });

  it("sends neither vacated nor occupied again when a subscriber comes back within the de-bounce", async () => {
    const flappy = await env.client("main");
    await subscribed(flappy, "flappy");
    await webhook("channel_occupied", "flappy");
    flappy.unsubscribe("flappy");
    await subscribed(flappy, "flappy");
    // a channel vacated after the flap: its webhook comes after the flap's would-be vacated one
    const witness = await env.client("main");
    await subscribed(witness, "flap-witness");
    witness.unsubscribe("flap-witness");
    await webhook("channel_vacated", "flap-witness");
    const flappyEvents = receiver.events().filter((event) => event.channel === "flappy");
    assert.deepEqual(
      flappyEvents.map((event) => event.name).filter((name) => name.startsWith("channel_")),
      ["channel_occupied"],
    );
  });

  it("batches events for an app with batchWebhooks, still signed and filtered by channelPrefix", async () => {
    const client = await env.client("batched");
    const names = ["batch-1", "batch-2", "batch-3", "batch-4", "unbatched-5"];
    for (const name of names) {
      client.subscribe(name);
    }
    await Promise.all(names.map((name) => subscribed(client, name)));
    const batchedRequests = () => receiver.requests.filter(fromApp("batched"));
    const occupied = () => batchedRequests().flatMap((request) => request.body.events.map((event) => event.channel));
    await waitFor(() => occupied().length >= 4, { what: "four channel_occupied webhooks" });
    assert.deepEqual(occupied().sort(), ["batch-1", "batch-2", "batch-3", "batch-4"], "the prefix filter holds");
    assert.ok(batchedRequests().length < 4, `${batchedRequests().length} requests for 4 events: batched`);
    const sdk = env.sdk("batched");
    for (const request of batchedRequests()) {
      const hook = sdk.webhook({ headers: request.headers, rawBody: request.rawBody });
      assert.equal(hook.isValid(), true);
      assert.ok(hook.getEvents().every((event) => event.name === "channel_occupied"));
    }
  });
});

// The connection's life with pusher-js: heartbeats, large payloads, apps-file hot reload,
// authorized connections (userAuthentication) and a gateway restart that pusher-js rides out.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import PusherClient from "pusher-js";
import { newApp, nextEvent, record, signedIn, startEnvironment, subscribed, waitFor } from "../harness/index.mjs";

const AUTHORIZATION_TIMEOUT_MS = 1000;

describe("connections with pusher-js", () => {
  let env;

  before(async () => {
    env = await startEnvironment({
      apps: { main: {}, authorized: { userAuthentication: true } },
      env: { VASK_AUTHORIZATION_TIMEOUT_MS: String(AUTHORIZATION_TIMEOUT_MS) },
    });
  });
  after(() => env?.stop());

  it("answers pusher-js's activity pings so the connection stays up", async () => {
    const client = await env.client("main", { activityTimeout: 200, pongTimeout: 5000 });
    const socketId = client.connection.socket_id;
    const states = record(client.connection, "state_change");
    const messages = record(client.connection, "message");
    await waitFor(() => messages.events.filter((event) => event.data.event === "pusher:pong").length >= 3, {
      what: "three pusher:pong answers",
    });
    assert.equal(client.connection.socket_id, socketId);
    assert.deepEqual(states.events, [], "no reconnect in between");
  });

  it("carries a 60 KB event to pusher-js and refuses one over the app's 64 KB limit", async () => {
    const client = await env.client("main");
    const channel = await subscribed(client, "large");
    const text = "x".repeat(60 * 1024);
    const received = nextEvent(channel, "big");
    await env.sdk("main").trigger("large", "big", { text });
    assert.equal((await received).data.text.length, text.length);
    await assert.rejects(env.sdk("main").trigger("large", "big", { text: "y".repeat(70 * 1024) }), (error) => {
      assert.equal(error.status, 413);
      return true;
    });
  });

  it("serves an app added to the apps file without a restart", async () => {
    const added = newApp({ clientEvents: true });
    env.gateway.writeApps([env.apps.main, env.apps.authorized, added]);
    const sdk = env.sdk("main", { appId: added.id, key: added.key, secret: added.secret });
    await waitFor(async () => (await sdk.get({ path: "/channels" }).catch(() => ({ ok: false }))).ok, {
      what: "the reloaded apps file to know the new app",
    });
    const client = new PusherClient(added.key, env.clientOptions("main"));
    env.track(client);
    await waitFor(() => client.connection.state === "connected", { what: "a client of the new app" });
    const channel = await subscribed(client, "fresh");
    const received = nextEvent(channel, "hello");
    await sdk.trigger("fresh", "hello", { from: "the reloaded app" });
    assert.deepEqual((await received).data, { from: "the reloaded app" });
  });

  it("closes a connection that neither signs in nor authorizes with 4009, keeps the others", async () => {
    const signed = await signedIn(await env.client("authorized", { user: "kate" }));
    const privateOnly = await env.client("authorized");
    await subscribed(privateOnly, "private-allowed");
    const anonymous = await env.client("authorized");
    const anonymousErrors = record(anonymous.connection, "error");
    await waitFor(() => anonymous.connection.state === "disconnected", {
      what: "the unauthorized connection to be closed",
      timeoutMs: AUTHORIZATION_TIMEOUT_MS + 10_000,
    });
    assert.equal(anonymousErrors.events[0]?.data.data.code, 4009);
    // both others connected before the anonymous one, so their own timeout has passed too
    assert.equal(signed.connection.state, "connected");
    assert.equal(privateOnly.connection.state, "connected");
    const delivered = nextEvent(signed.user, "welcome");
    await env.sdk("authorized").sendToUser("kate", "welcome", {});
    await delivered;
  });

  it("reconnects and resubscribes after a gateway restart (4200), then receives again", async () => {
    const client = await env.client("main");
    const channel = await subscribed(client, "survivor");
    const firstSocket = client.connection.socket_id;
    const resubscribed = record(channel, "pusher:subscription_succeeded");
    const errors = record(client.connection, "error");
    await env.restartGateway();
    assert.equal(errors.events[0]?.data.data.code, 4200, "the draining gateway says: reconnect");
    // pusher-js retries with its own back-off while the gateway is down (about 10 s here)
    await resubscribed.waitFor(1, 30_000);
    assert.notEqual(client.connection.socket_id, firstSocket);
    const received = nextEvent(channel, "after-restart");
    await env.sdk("main").trigger("survivor", "after-restart", { ok: true });
    assert.deepEqual((await received).data, { ok: true });
  });
});

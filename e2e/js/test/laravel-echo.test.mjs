// Issue 2: laravel-echo (broadcaster 'pusher', pusher-js underneath) against the gateway:
// presence here/joining/leaving, whisper/listenForWhisper and Laravel's namespaced event names.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Echo from "laravel-echo";
import Pusher from "pusher-js";
import { connected, deferred, startEnvironment, withTimeout } from "../harness/index.mjs";

describe("laravel-echo with pusher-js", () => {
  let env;

  before(async () => {
    env = await startEnvironment({ apps: { main: { clientEvents: true } } });
  });
  after(() => env?.stop());

  /**
   * An Echo configured as docs/guides/laravel.md shows; `params` reach the auth endpoint, which
   * signs presence user ids as JSON numbers, as Laravel does for integer user keys.
   */
  async function echoFor(user, name) {
    const app = env.apps.main;
    const echo = new Echo({
      broadcaster: "pusher",
      Pusher,
      key: app.key,
      cluster: "vask",
      wsHost: env.gateway.host,
      wsPort: env.gateway.port,
      forceTLS: false,
      enabledTransports: ["ws", "wss"],
      authEndpoint: env.authServer.channelEndpoint(app.key),
      auth: { headers: {}, params: { user_id: user, user_name: name, numeric_user_id: "1" } },
    });
    env.track(echo);
    await connected(echo.connector.pusher);
    return echo;
  }

  it("reports here, joining and leaving on a presence channel", async () => {
    const alice = await echoFor("1", "Alice");
    const aliceHere = deferred();
    const aliceSawJoin = deferred();
    const aliceSawLeave = deferred();
    alice
      .join("chat-room")
      .here(aliceHere.resolve)
      .joining(aliceSawJoin.resolve)
      .leaving(aliceSawLeave.resolve)
      .error(aliceHere.reject);
    assert.deepEqual(await withTimeout(aliceHere.promise, "alice's here()"), [{ name: "Alice" }]);

    const bob = await echoFor("2", "Bob");
    const bobHere = deferred();
    bob.join("chat-room").here(bobHere.resolve).error(bobHere.reject);
    const bobSees = await withTimeout(bobHere.promise, "bob's here()");
    assert.deepEqual(
      bobSees.map((user) => user.name).sort(),
      ["Alice", "Bob"],
    );
    assert.deepEqual(await withTimeout(aliceSawJoin.promise, "alice's joining()"), { name: "Bob" });

    const users = await (await env.sdk("main").get({ path: "/channels/presence-chat-room/users" })).json();
    assert.deepEqual(users.users.map((member) => member.id).sort(), ["1", "2"], "numeric ids become strings");

    bob.leave("chat-room");
    assert.deepEqual(await withTimeout(aliceSawLeave.promise, "alice's leaving()"), { name: "Bob" });
  });

  it("delivers a whisper to listenForWhisper on private and presence channels, not to the sender", async () => {
    const alice = await echoFor("1", "Alice");
    const bob = await echoFor("2", "Bob");
    for (const join of [(echo) => echo.private("whispers"), (echo) => echo.join("whisper-room")]) {
      const aliceChannel = join(alice);
      const bobChannel = join(bob);
      const ready = [deferred(), deferred()];
      aliceChannel.subscribed(ready[0].resolve);
      bobChannel.subscribed(ready[1].resolve);
      await withTimeout(Promise.all(ready.map((d) => d.promise)), "both subscriptions");

      const aliceHeard = [];
      aliceChannel.listenForWhisper("typing", (data) => aliceHeard.push(data));
      const bobHeard = deferred();
      bobChannel.listenForWhisper("typing", bobHeard.resolve);
      aliceChannel.whisper("typing", { name: "Alice", typing: true });
      assert.deepEqual(await withTimeout(bobHeard.promise, "bob's whisper"), { name: "Alice", typing: true });

      // bob answers; alice gets the answer after anything the gateway sent her before it
      const reply = deferred();
      aliceChannel.listenForWhisper("reply", reply.resolve);
      bobChannel.whisper("reply", { ok: true });
      assert.deepEqual(await withTimeout(reply.promise, "alice's reply"), { ok: true });
      assert.deepEqual(aliceHeard, [], "a whisper never comes back to its sender");
    }
  });

  it("receives broadcasts under Laravel's namespaced event names", async () => {
    const echo = await echoFor("3", "Carol");
    const server = env.sdk("main");
    const shipped = deferred();
    const raw = deferred();
    const ready = deferred();
    echo.channel("orders").listen("OrderShipped", shipped.resolve).subscribed(ready.resolve);
    const privateReady = deferred();
    echo.private("orders.7").listen(".status-changed", raw.resolve).subscribed(privateReady.resolve);
    await withTimeout(Promise.all([ready.promise, privateReady.promise]), "echo subscriptions");

    await server.trigger("orders", "App\\Events\\OrderShipped", { order: { id: 7 } });
    await server.trigger("private-orders.7", "status-changed", { status: "shipped" });
    assert.deepEqual(await withTimeout(shipped.promise, "App\\Events\\OrderShipped"), { order: { id: 7 } });
    assert.deepEqual(await withTimeout(raw.promise, "status-changed"), { status: "shipped" });
    assert.equal(echo.connectionStatus(), "connected");
    assert.match(echo.socketId(), /^\d+\.\d+$/);
  });
});

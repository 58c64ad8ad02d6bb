// Issue 3: user sign-in with pusher-js, sendToUser and terminateUserConnections with the pusher
// (node) SDK, and watchlist online/offline events.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  nextEvent,
  openRawSocket,
  record,
  signedIn,
  startEnvironment,
  subscribed,
  waitFor,
} from "../harness/index.mjs";

describe("user sign-in, sendToUser, terminateUserConnections and watchlists", () => {
  let env;
  let server;

  before(async () => {
    env = await startEnvironment({ apps: { main: {} } });
    server = env.sdk("main");
  });
  after(() => env?.stop());

  it("sends to every connection of the signed-in user and to nobody else", async () => {
    const aliceTab1 = await signedIn(await env.client("main", { user: "alice" }));
    const aliceTab2 = await signedIn(await env.client("main", { user: "alice" }));
    const bob = await signedIn(await env.client("main", { user: "bob" }));
    assert.equal(aliceTab1.user.user_data.id, "alice");
    const bobEvents = record(bob.user, "invoice-paid");

    const received = [aliceTab1, aliceTab2].map((client) => nextEvent(client.user, "invoice-paid"));
    const response = await server.sendToUser("alice", "invoice-paid", { invoice: 1001 });
    assert.equal(response.status, 200);
    for (const event of await Promise.all(received)) {
      assert.deepEqual(event.data, { invoice: 1001 });
    }

    // bob's own event arrives after anything sent to him before it
    const bobMarker = nextEvent(bob.user, "marker");
    await server.sendToUser("bob", "marker", {});
    await bobMarker;
    assert.deepEqual(bobEvents.events, []);
  });

  it("refuses to subscribe a connection to another user's channel", async () => {
    // pusher-js will not even try (it refuses '#' channel names), so a raw socket does
    const alice = await signedIn(await env.client("main", { user: "alice" }));
    const aliceEvents = record(alice.user, "private-note");
    const mallory = await openRawSocket(env.gateway, env.apps.main.key);
    mallory.send("pusher:signin", server.authenticateUser(mallory.socketId, { id: "mallory" }));
    await mallory.nextFrame((frame) => frame.event === "pusher:signin_success", "signin_success");

    mallory.send("pusher:subscribe", { channel: "#server-to-user-alice", auth: "" });
    const refusal = await mallory.nextFrame(
      (frame) => frame.event === "pusher:subscription_error",
      "a refusal of #server-to-user-alice",
    );
    assert.equal(refusal.channel, "#server-to-user-alice");
    assert.equal(refusal.data.status, 403);
    const delivered = nextEvent(alice.user, "private-note");
    await server.sendToUser("alice", "private-note", { for: "alice only" });
    await delivered;
    await server.sendToUser("mallory", "marker", {});
    await mallory.nextFrame((frame) => frame.event === "marker", "mallory's own event");
    assert.deepEqual(
      mallory.frames.filter((frame) => frame.channel === "#server-to-user-alice" && frame !== refusal),
      [],
      "mallory received nothing of alice's",
    );
    assert.equal(aliceEvents.events.length, 1);
    await mallory.close();
  });

  it("closes every connection of a user on terminateUserConnections, and only those", async () => {
    const tabs = [
      await signedIn(await env.client("main", { user: "carol" })),
      await signedIn(await env.client("main", { user: "carol" })),
    ];
    const dave = await signedIn(await env.client("main", { user: "dave" }));
    const errors = tabs.map((client) => nextEvent(client.connection, "error"));
    const response = await server.terminateUserConnections("carol");
    assert.equal(response.status, 200);
    for (const { data } of await Promise.all(errors)) {
      assert.equal(data.type, "PusherError");
      assert.equal(data.data.code, 4009);
    }
    for (const client of tabs) {
      // 4009 is a "refused" close for pusher-js: it stays disconnected instead of reconnecting
      await waitFor(() => client.connection.state === "disconnected", { what: "carol's socket to close" });
    }
    const stillThere = nextEvent(dave.user, "still-there");
    await server.sendToUser("dave", "still-there", {});
    await stillThere;
    assert.equal(dave.connection.state, "connected");
  });

  it("tells a watcher who is online at sign-in, then each change", async () => {
    const erin = await signedIn(await env.client("main", { user: "erin" }));
    const watcher = await env.client("main", { user: "frank", watchlist: ["erin", "grace"] });
    const online = record(watcher.user.watchlist, "online");
    const offline = record(watcher.user.watchlist, "offline");
    await signedIn(watcher);

    await online.waitFor(1);
    await offline.waitFor(1);
    assert.deepEqual(online.events[0].data, { name: "online", user_ids: ["erin"] });
    assert.deepEqual(offline.events[0].data, { name: "offline", user_ids: ["grace"] });

    const grace = await signedIn(await env.client("main", { user: "grace" }));
    await online.waitFor(2);
    assert.deepEqual(online.events[1].data, { name: "online", user_ids: ["grace"] });

    grace.disconnect();
    await offline.waitFor(2);
    assert.deepEqual(offline.events[1].data, { name: "offline", user_ids: ["grace"] });

    erin.disconnect();
    await offline.waitFor(3);
    assert.deepEqual(offline.events[2].data, { name: "offline", user_ids: ["erin"] });
  });

  it("keeps a user online while one of its connections is signed in", async () => {
    const watcher = await env.client("main", { user: "heidi", watchlist: ["ivan"] });
    const online = record(watcher.user.watchlist, "online");
    const offline = record(watcher.user.watchlist, "offline");
    await signedIn(watcher);
    await offline.waitFor(1);

    const ivanTab1 = await signedIn(await env.client("main", { user: "ivan" }));
    await online.waitFor(1);
    const ivanTab2 = await signedIn(await env.client("main", { user: "ivan" }));
    await subscribed(ivanTab1, "ivan-tabs");
    await subscribed(ivanTab2, "ivan-tabs");
    ivanTab1.disconnect();
    // once the gateway counts one tab left, it has handled the first tab's close
    await waitFor(async () => {
      const response = await server.get({ path: "/channels/ivan-tabs", params: { info: "subscription_count" } });
      return (await response.json()).subscription_count === 1;
    });
    ivanTab2.disconnect();
    await offline.waitFor(2);
    assert.equal(online.events.length, 1, "the second tab did not make ivan come online again");
    assert.deepEqual(
      offline.events.map((event) => event.data.user_ids),
      [["ivan"], ["ivan"]],
    );
  });

  it("accepts the first 100 watchlist ids and reports 4302 for the rest", async () => {
    const ids = Array.from({ length: 101 }, (_, n) => `watched-${n}`);
    const watcher = await env.client("main", { user: "judy", watchlist: ids });
    const errors = record(watcher.connection, "error");
    const offline = record(watcher.user.watchlist, "offline");
    await signedIn(watcher);
    const limit = await errors.waitFor((data) => data.data?.code === 4302);
    assert.match(limit.data.data.message, /100/);
    const initial = await offline.waitFor(1);
    assert.equal(initial[0].data.user_ids.length, 100);
    assert.equal(initial[0].data.user_ids.includes("watched-100"), false);
    assert.equal(watcher.connection.state, "connected");
  });

  it("lets a signed-in user join a presence channel without channel_data, as its signed-in self", async () => {
    const lena = await signedIn(await env.client("main", { user: "lena", userName: "Lena", presenceData: false }));
    const room = await subscribed(lena, "presence-signed-in");
    assert.equal(room.members.me?.id, "lena");
    assert.deepEqual(room.members.me.info, { name: "Lena" });
  });
});

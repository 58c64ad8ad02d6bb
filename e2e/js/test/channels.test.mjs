// Issue 2: public, private and presence channels with pusher-js; trigger, triggerBatch and the
// channel queries of the HTTP API with the pusher (node) server SDK.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, record, startEnvironment, subscribed } from "../harness/index.mjs";

describe("channels with pusher-js and the pusher server SDK", () => {
  let env;
  let server;

  before(async () => {
    env = await startEnvironment({ apps: { main: {} } });
    server = env.sdk("main");
  });
  after(() => env?.stop());

  it("delivers a trigger on a public channel to its subscriber", async () => {
    const client = await env.client("main");
    const channel = await subscribed(client, "orders");
    const received = nextEvent(channel, "order-shipped");
    const response = await server.trigger("orders", "order-shipped", { id: 42, note: "ünïcode ✓" });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {});
    assert.deepEqual((await received).data, { id: 42, note: "ünïcode ✓" });
  });

  it("delivers one trigger to several channels", async () => {
    const client = await env.client("main");
    const first = await subscribed(client, "multi-a");
    const second = await subscribed(client, "multi-b");
    const onFirst = nextEvent(first, "tick");
    const onSecond = nextEvent(second, "tick");
    await server.trigger(["multi-a", "multi-b", "multi-nobody"], "tick", { n: 1 });
    assert.deepEqual((await onFirst).data, { n: 1 });
    assert.deepEqual((await onSecond).data, { n: 1 });
  });

  it("subscribes to a private channel through the auth endpoint and refuses a denied one", async () => {
    const client = await env.client("main");
    const channel = await subscribed(client, "private-invoices");
    const received = nextEvent(channel, "paid");
    await server.trigger("private-invoices", "paid", { invoice: 7 });
    assert.deepEqual((await received).data, { invoice: 7 });

    const denied = await env.client("main", { deny: true });
    const refused = nextEvent(denied.subscribe("private-invoices"), "pusher:subscription_error");
    assert.equal((await refused).data.status, 403);
  });

  it("refuses a private subscription signed with another secret (401 from the gateway)", async () => {
    const client = await env.client("main", {
      channelAuthorization: {
        customHandler: ({ socketId, channelName }, callback) => {
          const impostor = env.sdk("main", { secret: "not-the-app-secret" });
          callback(null, impostor.authorizeChannel(socketId, channelName));
        },
      },
    });
    const refused = await nextEvent(client.subscribe("private-forged"), "pusher:subscription_error");
    assert.equal(refused.data.type, "AuthError");
    assert.equal(refused.data.status, 401);
  });

  it("joins a presence channel with the member list and sees others join and leave", async () => {
    const alice = await env.client("main", { user: "alice", userName: "Alice" });
    const aliceRoom = await subscribed(alice, "presence-lobby");
    assert.equal(aliceRoom.members.count, 1);
    assert.equal(aliceRoom.members.me.id, "alice");
    assert.deepEqual(aliceRoom.members.me.info, { name: "Alice" });

    const joined = nextEvent(aliceRoom, "pusher:member_added");
    const bob = await env.client("main", { user: "bob", userName: "Bob" });
    const bobRoom = await subscribed(bob, "presence-lobby");
    assert.deepEqual((await joined).data, { id: "bob", info: { name: "Bob" } });
    assert.equal(bobRoom.members.count, 2);
    assert.deepEqual(bobRoom.members.get("alice").info, { name: "Alice" });

    const received = nextEvent(bobRoom, "announcement");
    await server.trigger("presence-lobby", "announcement", "plain string data");
    assert.equal((await received).data, "plain string data");

    const left = nextEvent(aliceRoom, "pusher:member_removed");
    bob.unsubscribe("presence-lobby");
    assert.equal((await left).data.id, "bob");
    assert.equal(aliceRoom.members.count, 1);
  });

  it("delivers a triggerBatch: each item to its own channel, in order", async () => {
    const client = await env.client("main");
    const news = await subscribed(client, "batch-news");
    const privateFeed = await subscribed(client, "private-batch-feed");
    const newsEvents = record(news, "item");
    const feedEvent = nextEvent(privateFeed, "secret-item");
    const response = await server.triggerBatch([
      { channel: "batch-news", name: "item", data: { n: 1 } },
      { channel: "private-batch-feed", name: "secret-item", data: { n: 2 } },
      { channel: "batch-news", name: "item", data: { n: 3 } },
    ]);
    assert.equal(response.status, 200);
    assert.deepEqual((await feedEvent).data, { n: 2 });
    const events = await newsEvents.waitFor(2);
    assert.deepEqual(
      events.map((event) => event.data),
      [{ n: 1 }, { n: 3 }],
    );
  });

  it("answers channel queries: the channel list, channel info and presence users", async () => {
    const first = await env.client("main", { user: "carol" });
    const second = await env.client("main", { user: "dave" });
    const third = await env.client("main", { user: "carol" });
    for (const client of [first, second, third]) {
      await subscribed(client, "presence-query-room");
    }
    await subscribed(first, "query-public");
    await subscribed(second, "query-public");

    const list = await (await server.get({ path: "/channels", params: { filter_by_prefix: "query-" } })).json();
    assert.deepEqual(list, { channels: { "query-public": {} } });

    const presenceList = await (
      await server.get({ path: "/channels", params: { filter_by_prefix: "presence-query-", info: "user_count" } })
    ).json();
    assert.deepEqual(presenceList, { channels: { "presence-query-room": { user_count: 2 } } });

    const info = await (
      await server.get({ path: "/channels/query-public", params: { info: "subscription_count" } })
    ).json();
    assert.deepEqual(info, { occupied: true, subscription_count: 2 });

    const presenceInfo = await (
      await server.get({ path: "/channels/presence-query-room", params: { info: "user_count,subscription_count" } })
    ).json();
    assert.deepEqual(presenceInfo, { occupied: true, user_count: 2, subscription_count: 3 });

    const empty = await (await server.get({ path: "/channels/nobody-here" })).json();
    assert.deepEqual(empty, { occupied: false });

    const users = await (await server.get({ path: "/channels/presence-query-room/users" })).json();
    assert.deepEqual(
      users.users.map((user) => user.id).sort(),
      ["carol", "dave"],
    );

    const triggerInfo = await (
      await server.trigger("query-public", "ping", {}, { info: "subscription_count" })
    ).json();
    assert.deepEqual(triggerInfo, { channels: { "query-public": { subscription_count: 2 } } });
  });

  it("answers info on triggers and refuses user_count for non-presence channel queries", async () => {
    const client = await env.client("main", { user: "erin" });
    await subscribed(client, "presence-info-room");
    const info = await (
      await server.trigger("presence-info-room", "hello", {}, { info: "user_count,subscription_count" })
    ).json();
    assert.deepEqual(info, { channels: { "presence-info-room": { user_count: 1, subscription_count: 1 } } });

    const batch = await (
      await server.triggerBatch([{ channel: "presence-info-room", name: "hello", data: {}, info: "user_count" }])
    ).json();
    assert.deepEqual(batch, { batch: [{ user_count: 1 }] });

    await assert.rejects(server.get({ path: "/channels", params: { info: "user_count" } }), (error) => {
      assert.equal(error.status, 400);
      return true;
    });
  });
});

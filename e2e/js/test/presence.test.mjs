// Issue 2: presence with two users where one user has two connections (two tabs = one member).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, record, startEnvironment, subscribed, waitFor } from "../harness/index.mjs";

describe("presence: two users, one of them with two connections", () => {
  let env;
  let server;

  before(async () => {
    env = await startEnvironment({ apps: { main: {} } });
    server = env.sdk("main");
  });
  after(() => env?.stop());

  /** Waits until the gateway counts `count` connections on `channel` (it has processed joins and leaves). */
  function subscriptionCountReaches(channel, count) {
    return waitFor(
      async () => {
        const response = await server.get({ path: `/channels/${channel}`, params: { info: "subscription_count" } });
        return (await response.json()).subscription_count === count;
      },
      { what: `${count} connections on ${channel}` },
    );
  }

  it("announces a user once however many connections it has, and removes it with the last one", async () => {
    const room = "presence-two-tabs";
    const bob = await env.client("main", { user: "bob" });
    const bobRoom = await subscribed(bob, room);
    const added = record(bobRoom, "pusher:member_added");
    const removed = record(bobRoom, "pusher:member_removed");

    const aliceTab1 = await env.client("main", { user: "alice" });
    const tab1Room = await subscribed(aliceTab1, room);
    await added.waitFor(1);
    assert.deepEqual(added.events[0].data, { id: "alice", info: { name: "alice" } });

    const aliceTab2 = await env.client("main", { user: "alice" });
    const tab2Room = await subscribed(aliceTab2, room);
    assert.equal(tab2Room.members.count, 2, "the second tab sees two members, not three");
    assert.deepEqual(Object.keys(tab2Room.members.members).sort(), ["alice", "bob"]);
    assert.equal(tab1Room.members.count, 2);

    const users = await (await server.get({ path: `/channels/${room}/users` })).json();
    assert.deepEqual(users.users.map((user) => user.id).sort(), ["alice", "bob"]);

    // a marker event after the join proves no second member_added was queued before it
    const marker = nextEvent(bobRoom, "marker");
    await server.trigger(room, "marker", { step: "second tab joined" });
    await marker;
    assert.equal(added.events.length, 1, "alice's second connection is not a new member");

    aliceTab1.disconnect();
    await subscriptionCountReaches(room, 2);
    const secondMarker = nextEvent(bobRoom, "marker");
    await server.trigger(room, "marker", { step: "first tab closed" });
    await secondMarker;
    assert.deepEqual(removed.events, [], "alice still has a connection");
    assert.equal(bobRoom.members.count, 2);

    aliceTab2.disconnect();
    await removed.waitFor(1);
    assert.equal(removed.events[0].data.id, "alice");
    assert.equal(bobRoom.members.count, 1);
    const after = await (await server.get({ path: `/channels/${room}/users` })).json();
    assert.deepEqual(after.users, [{ id: "bob" }]);
  });

  it("delivers presence events to every connection of both users", async () => {
    const room = "presence-fanout";
    const connections = [
      await env.client("main", { user: "carol" }),
      await env.client("main", { user: "carol" }),
      await env.client("main", { user: "dave" }),
    ];
    const channels = [];
    for (const client of connections) {
      channels.push(await subscribed(client, room));
    }
    const received = channels.map((channel) => nextEvent(channel, "news"));
    await server.trigger(room, "news", { headline: "all tabs" });
    for (const event of await Promise.all(received)) {
      assert.deepEqual(event.data, { headline: "all tabs" });
    }
    for (const channel of channels) {
      assert.equal(channel.members.count, 2);
    }
  });
});

// Issue 2: client events between pusher-js clients, and socket_id exclusion on triggers.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, record, startEnvironment, subscribed } from "../harness/index.mjs";

describe("client events and socket exclusion", () => {
  let env;

  before(async () => {
    env = await startEnvironment({ apps: { main: { clientEvents: true }, closed: { clientEvents: false } } });
  });
  after(() => env?.stop());

  it("relays a client event on a private channel to the others, never back to the sender", async () => {
    const sender = await env.client("main");
    const receiver = await env.client("main");
    const senderChannel = await subscribed(sender, "private-chat");
    const receiverChannel = await subscribed(receiver, "private-chat");
    const echoedToSender = record(senderChannel, "client-note");

    const received = nextEvent(receiverChannel, "client-note");
    assert.equal(senderChannel.trigger("client-note", { text: "hi" }), true);
    const { data, metadata } = await received;
    assert.deepEqual(data, { text: "hi" });
    assert.equal(metadata.user_id, undefined, "no user_id on private channels");

    // the receiver answers; once the sender has that answer, its own event would have arrived first
    const answer = nextEvent(senderChannel, "client-reply");
    receiverChannel.trigger("client-reply", { text: "hello back" });
    assert.deepEqual((await answer).data, { text: "hello back" });
    assert.deepEqual(echoedToSender.events, []);
  });

  it("adds the sender's user_id to client events on presence channels", async () => {
    const alice = await env.client("main", { user: "alice" });
    const bob = await env.client("main", { user: "bob" });
    const aliceRoom = await subscribed(alice, "presence-typing");
    const bobRoom = await subscribed(bob, "presence-typing");
    const received = nextEvent(bobRoom, "client-typing");
    aliceRoom.trigger("client-typing", { typing: true });
    const { data, metadata } = await received;
    assert.deepEqual(data, { typing: true });
    assert.equal(metadata.user_id, "alice");
  });

  it("refuses client events when the app does not enable them", async () => {
    const client = await env.client("closed");
    const channel = await subscribed(client, "private-quiet");
    const error = nextEvent(client.connection, "error", {
      accept: (event) => event.type === "PusherError",
    });
    channel.trigger("client-note", { text: "hi" });
    const { data } = await error;
    assert.match(data.data.message, /client events/i);
    assert.equal(client.connection.state, "connected");
  });

  it("excludes the socket named in socket_id from a trigger", async () => {
    const server = env.sdk("main");
    const excluded = await env.client("main");
    const included = await env.client("main");
    const excludedChannel = await subscribed(excluded, "exclusion");
    const includedChannel = await subscribed(included, "exclusion");
    const excludedEvents = record(excludedChannel, "update");
    const includedEvents = record(includedChannel, "update");

    await server.trigger("exclusion", "update", { n: 1 }, { socket_id: excluded.connection.socket_id });
    await server.trigger("exclusion", "update", { n: 2 });

    await includedEvents.waitFor(2);
    await excludedEvents.waitFor(1);
    assert.deepEqual(
      includedEvents.events.map((event) => event.data),
      [{ n: 1 }, { n: 2 }],
    );
    // events reach a socket in order: having {n: 2}, the excluded socket would already have {n: 1}
    assert.deepEqual(
      excludedEvents.events.map((event) => event.data),
      [{ n: 2 }],
    );
  });

  it("excludes the socket on triggerBatch items that name it", async () => {
    const server = env.sdk("main");
    const excluded = await env.client("main");
    const included = await env.client("main");
    const excludedEvents = record(await subscribed(excluded, "batch-exclusion"), "update");
    const includedEvents = record(await subscribed(included, "batch-exclusion"), "update");

    await server.triggerBatch([
      { channel: "batch-exclusion", name: "update", data: { n: 1 }, socket_id: excluded.connection.socket_id },
      { channel: "batch-exclusion", name: "update", data: { n: 2 } },
    ]);
    await includedEvents.waitFor(2);
    await excludedEvents.waitFor(1);
    assert.deepEqual(
      excludedEvents.events.map((event) => event.data),
      [{ n: 2 }],
    );
  });

  it("answers a burst over the app's rate with 4301 and keeps the connection", async () => {
    const sender = await env.client("main");
    const receiver = await env.client("main");
    const senderChannel = await subscribed(sender, "private-burst");
    const heard = record(await subscribed(receiver, "private-burst"), "client-burst");
    const rateErrors = record(sender.connection, "error");
    for (let n = 0; n < 25; n++) {
      senderChannel.trigger("client-burst", { n });
    }
    await rateErrors.waitFor((data) => data.data?.code === 4301);
    await heard.waitFor(1);
    assert.ok(heard.events.length < 25, `${heard.events.length} of 25 went through`);
    assert.equal(sender.connection.state, "connected");
  });
});

// Issue 3: cache channels (hit and miss) and an end-to-end encrypted round trip: the pusher (node)
// SDK encrypts with encryptionMasterKeyBase64, pusher-js decrypts with the channel auth's
// shared_secret, and the gateway only ever carries ciphertext.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { nextEvent, openRawSocket, record, startEnvironment, subscribed } from "../harness/index.mjs";

describe("cache channels and encrypted channels", () => {
  let env;
  let server;

  before(async () => {
    env = await startEnvironment({
      apps: { main: { clientEvents: true } },
      sdkOptions: { main: { encryptionMasterKeyBase64: randomBytes(32).toString("base64") } },
    });
    server = env.sdk("main");
  });
  after(() => env?.stop());

  async function channelInfo(channel) {
    return (await server.get({ path: `/channels/${channel}`, params: { info: "cache" } })).json();
  }

  it("tells a subscriber of an empty cache channel pusher:cache_miss", async () => {
    const client = await env.client("main");
    const channel = client.subscribe("cache-weather");
    const miss = nextEvent(channel, "pusher:cache_miss");
    await subscribed(client, "cache-weather");
    await miss;
    assert.deepEqual(await channelInfo("cache-weather"), { occupied: true, cache: null });
  });

  it("replays the last triggered event to a new subscriber of a cache channel, then live ones", async () => {
    await server.trigger("cache-prices", "price", { eur: 1 });
    await server.trigger("cache-prices", "price", { eur: 2 });
    const info = await channelInfo("cache-prices");
    assert.equal(info.cache.event, "price");
    assert.equal(info.cache.data, JSON.stringify({ eur: 2 }));
    assert.ok(info.cache.ttl > 0 && info.cache.ttl <= 1800, `ttl ${info.cache.ttl}`);

    const client = await env.client("main");
    const channel = client.subscribe("cache-prices");
    const prices = record(channel, "price");
    const misses = record(channel, "pusher:cache_miss");
    await subscribed(client, "cache-prices");
    await prices.waitFor(1);
    assert.deepEqual(prices.events[0].data, { eur: 2 }, "only the last event is cached");

    await server.trigger("cache-prices", "price", { eur: 3 });
    await prices.waitFor(2);
    assert.deepEqual(
      prices.events.map((event) => event.data),
      [{ eur: 2 }, { eur: 3 }],
    );
    assert.deepEqual(misses.events, []);
  });

  it("caches on private and presence cache channels too", async () => {
    for (const name of ["private-cache-orders", "presence-cache-room"]) {
      await server.trigger(name, "state", { channel: name });
      const client = await env.client("main", { user: "cache-user" });
      const channel = client.subscribe(name);
      const cached = nextEvent(channel, "state");
      await subscribed(client, name);
      assert.deepEqual((await cached).data, { channel: name });
    }
  });

  it("round-trips an encrypted event: decrypted by pusher-js, ciphertext on the wire", async () => {
    const client = await env.client("main");
    const wire = record(client.connection, "message");
    const channel = await subscribed(client, "private-encrypted-payroll");
    const received = nextEvent(channel, "salary-updated");
    const response = await server.trigger("private-encrypted-payroll", "salary-updated", { amount: 4200, who: "Zoë" });
    assert.equal(response.status, 200);
    assert.deepEqual((await received).data, { amount: 4200, who: "Zoë" });

    const frame = wire.events.map((event) => event.data).find((message) => message.event === "salary-updated");
    assert.equal(typeof frame.data.nonce, "string");
    assert.equal(typeof frame.data.ciphertext, "string");
    assert.equal(Buffer.from(frame.data.nonce, "base64").length, 24);
    assert.doesNotMatch(JSON.stringify(frame), /4200|Zo/, "the gateway never sees plaintext");
  });

  it("replays an encrypted cached event that pusher-js still decrypts", async () => {
    await server.trigger("private-encrypted-cache-payslip", "payslip", { month: "2026-11" });
    const client = await env.client("main");
    const channel = client.subscribe("private-encrypted-cache-payslip");
    const cached = nextEvent(channel, "payslip");
    await subscribed(client, "private-encrypted-cache-payslip");
    assert.deepEqual((await cached).data, { month: "2026-11" });
  });

  it("refuses client events on an encrypted channel (pusher-js never sends them; a raw socket does)", async () => {
    const raw = await openRawSocket(env.gateway, env.apps.main.key);
    const channelName = "private-encrypted-chat";
    raw.send("pusher:subscribe", { channel: channelName, ...server.authorizeChannel(raw.socketId, channelName) });
    await raw.nextFrame((frame) => frame.event === "pusher_internal:subscription_succeeded", "subscription_succeeded");
    raw.send("client-typing", { typing: true }, channelName);
    const error = await raw.nextFrame((frame) => frame.event === "pusher:error", "pusher:error");
    assert.match(error.data.message, /encrypted/i);
    await raw.close();
  });
});

// Three gateway processes on one nats-server, pusher-js clients on different pods and the pusher
// (node) server SDK publishing through another: the cluster behaves as one Pusher server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCluster, subscribed, waitFor } from "../harness/index.mjs";

let cluster;

before(async () => {
  cluster = await startCluster({ pods: 3 });
}, { timeout: 120000 });

after(async () => {
  await cluster?.stop();
});

test("an event triggered through pod A reaches pusher-js subscribers on pods B and C", async () => {
  const [a, b, c] = cluster.pods;
  const onB = await cluster.client(b);
  const onC = await cluster.client(c);
  const got = { b: [], c: [] };
  (await subscribed(onB, "js-room")).bind("news", (d) => got.b.push(d));
  (await subscribed(onC, "js-room")).bind("news", (d) => got.c.push(d));

  await cluster.api(a).trigger("js-room", "news", { n: 1 });
  await waitFor(() => got.b.length === 1 && got.c.length === 1, { timeoutMs: 10000, what: "cross-pod delivery" });
  assert.deepEqual(got.b[0], { n: 1 });
  assert.deepEqual(got.c[0], { n: 1 });
});

test("socket exclusion holds across pods", async () => {
  const [a, b, c] = cluster.pods;
  const onB = await cluster.client(b);
  const onC = await cluster.client(c);
  const got = { b: [], c: [] };
  (await subscribed(onB, "js-exclusion")).bind("news", (d) => got.b.push(d));
  (await subscribed(onC, "js-exclusion")).bind("news", (d) => got.c.push(d));

  await cluster.api(a).trigger("js-exclusion", "news", { n: 1 }, { socket_id: onB.connection.socket_id });
  await cluster.api(a).trigger("js-exclusion", "news", { n: 2 });
  await waitFor(() => got.c.length === 2, { timeoutMs: 10000, what: "both events on C" });
  await waitFor(() => got.b.length === 1, { timeoutMs: 10000, what: "the second event on B" });
  assert.deepEqual(got.b, [{ n: 2 }]); // per-publisher order: had the first arrived, it came first
});

test("presence members are the same on every pod, and leaving is seen everywhere", async () => {
  const clients = [];
  const channels = [];
  for (const [i, pod] of cluster.pods.entries()) {
    const client = await cluster.client(pod, `js-user-${i}`);
    clients.push(client);
    channels.push(await subscribed(client, "presence-js-lobby"));
  }
  for (const channel of channels) {
    await waitFor(() => channel.members.count === 3, { timeoutMs: 10000, what: "three members on every pod" });
    const ids = [];
    channel.members.each((m) => ids.push(m.id));
    assert.deepEqual(ids.sort(), ["js-user-0", "js-user-1", "js-user-2"]);
  }
  for (const pod of cluster.pods) {
    const response = await cluster.api(pod).get({ path: "/channels/presence-js-lobby/users" });
    const body = await response.json();
    assert.deepEqual(body.users.map((u) => u.id).sort(), ["js-user-0", "js-user-1", "js-user-2"]);
  }

  clients[2].disconnect();
  await waitFor(() => channels[0].members.count === 2 && channels[1].members.count === 2, { timeoutMs: 10000, what: "member_removed on the other pods" });
});

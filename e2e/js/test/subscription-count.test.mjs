// Issue 3: pusher:subscription_count events with the app setting subscriptionCount.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, record, startEnvironment, subscribed } from "../harness/index.mjs";

describe("subscription counts", () => {
  let env;

  before(async () => {
    env = await startEnvironment({ apps: { counted: { subscriptionCount: true }, plain: {} } });
  });
  after(() => env?.stop());

  const countIs = (expected) => (data) => data.subscription_count === expected;

  it("tells every subscriber the number of subscribed connections as it changes", async () => {
    const first = await env.client("counted");
    const firstChannel = first.subscribe("scoreboard");
    const firstCounts = record(firstChannel, "pusher:subscription_count");
    await subscribed(first, "scoreboard");
    await firstCounts.waitForLatest(countIs(1));
    assert.equal(firstChannel.subscriptionCount, 1);

    const second = await env.client("counted");
    const secondChannel = second.subscribe("scoreboard");
    const secondSeesTwo = nextEvent(secondChannel, "pusher:subscription_count", { accept: countIs(2) });
    await subscribed(second, "scoreboard");
    await secondSeesTwo;
    await firstCounts.waitForLatest(countIs(2));

    const third = await env.client("counted");
    await subscribed(third, "scoreboard");
    await firstCounts.waitForLatest(countIs(3));

    third.disconnect();
    await firstCounts.waitForLatest(countIs(2));
    second.unsubscribe("scoreboard");
    const backToOne = await firstCounts.waitForLatest(countIs(1));
    assert.deepEqual(backToOne.data, { subscription_count: 1 });
    assert.equal(firstChannel.subscriptionCount, 1);
    assert.deepEqual(
      firstCounts.events.map((event) => event.data.subscription_count),
      [1, 2, 3, 2, 1],
    );
  });

  it("counts private channels too", async () => {
    const first = await env.client("counted");
    const channel = first.subscribe("private-scoreboard");
    const counts = record(channel, "pusher:subscription_count");
    await subscribed(first, "private-scoreboard");
    const second = await env.client("counted");
    await subscribed(second, "private-scoreboard");
    await counts.waitForLatest(countIs(2));
  });

  it("sends no counts when the app does not enable them", async () => {
    const client = await env.client("plain");
    const channel = client.subscribe("quiet-scoreboard");
    const counts = record(channel, "pusher:subscription_count");
    await subscribed(client, "quiet-scoreboard");
    const other = await env.client("plain");
    await subscribed(other, "quiet-scoreboard");
    // a trigger after both subscriptions arrives after any count they would have caused
    const marker = nextEvent(channel, "marker");
    await env.sdk("plain").trigger("quiet-scoreboard", "marker", {});
    await marker;
    assert.deepEqual(counts.events, []);
  });
});

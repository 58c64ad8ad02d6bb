// Issue 15: the debug console in a real browser (Debian's Chromium through playwright-core).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  REPO_ROOT,
  consoleToken,
  logRow,
  nextEvent,
  startBrowser,
  startCluster,
  startEnvironment,
  subscribed,
  waitFor,
} from "../harness/index.mjs";

const SCREENSHOTS = join(REPO_ROOT, "docs/images");

describe("debug console, one gateway", () => {
  let env;
  let browser;
  let page;

  before(async () => {
    env = await startEnvironment({ apps: { main: { clientEvents: true, eventMetadata: true } } });
    browser = await startBrowser();
    const url = `http://127.0.0.1:${env.gateway.port}/console/#token=${consoleToken(env.apps.main)}`;
    page = await browser.page(url);
  });
  after(async () => {
    await browser?.close();
    await env?.stop();
  });

  it("shows an event triggered over the HTTP API, with its server timestamp", async () => {
    await env.sdk("main").trigger("orders", "order-created", { id: 42 });
    const row = await logRow(page, "api_message", "order-created");
    const text = await row.textContent();
    assert.match(text, /orders/);
    assert.match(text, /vask_ts \d{13}/);
    assert.match(text, /\{"id":42\}/);
  });

  it("shows a pusher-js client's connection and subscription, and its channel", async () => {
    const client = await env.client("main");
    const socketId = client.connection.socket_id;
    await subscribed(client, "private-chat");
    await logRow(page, "connection_opened", socketId);
    await logRow(page, "subscribed", socketId);
    await page
      .getByTestId("channel-list")
      .getByText("private-chat — 1 subscriber(s)")
      .waitFor({ timeout: 15_000 });

    client.channel("private-chat").trigger("client-typing", { typing: true });
    await logRow(page, "client_event", "client-typing");
    client.disconnect();
    await logRow(page, "connection_closed", socketId);
  });

  it("sends an event from the event creator that a pusher-js client receives", async () => {
    const client = await env.client("main");
    const channel = await subscribed(client, "news");
    // docs/console.md: pusher-js's public "message" event rebuilds each frame without unknown
    // fields, so vask_ts is read from the raw frames of the connection's transport
    const frames = [];
    client.connection.connection.transport.bind("message", (raw) => frames.push(JSON.parse(raw.data)));
    const received = nextEvent(channel, "from-console");

    const form = page.getByTestId("creator");
    await form.getByLabel("Channel").fill("news");
    await form.getByLabel("Event").fill("from-console");
    await form.getByLabel("Data (JSON)").fill('{"headline": "hello from the console"}');
    await form.getByRole("button", { name: "Send event" }).click();

    assert.deepEqual((await received).data, { headline: "hello from the console" });
    await page.getByTestId("creator-result").filter({ hasText: "sent" }).waitFor();
    await logRow(page, "api_message", "from-console");
    // event metadata: the frame pusher-js received carries the server time
    const frame = await waitFor(() => frames.find((m) => m.event === "from-console"), {
      what: "the raw frame",
    });
    assert.equal(typeof frame.vask_ts, "number");

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "console.png") });
  });

  it("refuses a token signed with another secret", async () => {
    const forged = consoleToken({ ...env.apps.main, secret: "not-the-secret" });
    const response = await fetch(`http://127.0.0.1:${env.gateway.port}/console/api/channels`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    assert.equal(response.status, 401);
  });
});

describe("debug console, three gateways", () => {
  let cluster;
  let browser;

  before(async () => {
    cluster = await startCluster({ pods: 3 });
    browser = await startBrowser();
  });
  after(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it("shows records of another pod", async () => {
    const [watched, , other] = cluster.pods;
    const page = await browser.page(`http://127.0.0.1:${watched.port}/console/#token=${consoleToken(cluster.app)}`);
    const client = await cluster.client(other);
    const socketId = client.connection.socket_id;
    client.subscribe("cluster-news");
    // the pod learns of the watcher from its announcement, sent when the page opened
    const row = await logRow(page, "subscribed", socketId, 20_000);
    assert.match(await row.textContent(), /js-pod-2/);
    await cluster.api(other).trigger("cluster-news", "from-pod-2", { n: 1 });
    assert.match(await (await logRow(page, "api_message", "from-pod-2")).textContent(), /js-pod-2/);
    client.disconnect();
  });

  it("counts the app's connections on every pod, those older than the page too", async () => {
    const [watched, first, second] = cluster.pods;
    const before = await cluster.client(first);
    const page = await browser.page(`http://127.0.0.1:${watched.port}/console/#token=${consoleToken(cluster.app)}`);
    const after = await cluster.client(second);
    const counter = page.getByTestId("connections");
    // cluster-wide: the page was opened after the first client connected, on another pod
    await counter.filter({ hasText: /^2$/ }).waitFor({ timeout: 15_000 });
    before.disconnect();
    await counter.filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    after.disconnect();
  });
});

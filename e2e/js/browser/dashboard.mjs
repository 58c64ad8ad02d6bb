// Drives the operator's dashboard in Debian's Chromium (playwright-core, no browser download):
// sign-in, list (with the live connections of a pusher-js client), credentials, create, import,
// console link, refusals; saves a screenshot.
// Run by operator/src/test/java/io/vask/operator/dashboard/DashboardBrowserIT.java, which serves
// the dashboard against the Kubernetes API mock and checks what this script created there:
//   node browser/dashboard.mjs DASHBOARD_URL GATEWAY_PORT SCREENSHOT_PATH
// It starts a real gateway on GATEWAY_PORT serving the seeded app web/chat (id 1001), so that the
// console link the dashboard signs is opened and must sign in to that gateway's console.
// Exits 0 when every step passed, 1 with the failure otherwise.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import PusherClient from "pusher-js";
import { CHROMIUM } from "../harness/browser.mjs";
import { connected } from "../harness/environment.mjs";
import { startGateway } from "../harness/gateway.mjs";

const [url, gatewayPort, screenshot] = process.argv.slice(2);
const gateway = `http://127.0.0.1:${gatewayPort}`;
const CHAT = { id: "1001", key: "chat-key", secret: "chat-secret" };
const TIMEOUT = 15_000;

async function signIn(page, token) {
  const form = page.getByTestId("signin");
  await form.waitFor({ timeout: TIMEOUT });
  await form.getByLabel("Bearer token").fill(token);
  await form.getByRole("button", { name: "Sign in" }).click();
}

const appRow = (page, app) => page.locator(`[data-testid=apps] tr[data-app="${app}"]`);

async function fill(form, fields) {
  for (const [label, value] of Object.entries(fields)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
}

async function drive(page) {
  await page.goto(url);
  await signIn(page, "alice-token");
  await page.getByTestId("user").filter({ hasText: "alice" }).waitFor({ timeout: TIMEOUT });
  await page.getByTestId("signin").waitFor({ state: "hidden", timeout: TIMEOUT });
  const chat = appRow(page, "web/chat");
  await chat.waitFor({ timeout: TIMEOUT });
  assert.match(await chat.textContent(), /True \(GatewayReady\).*ws:\/\/.*\/app\/chat-key.*1001/);
  assert.match(await appRow(page, "chat/support").textContent(), /NotReconciled/);
  // the pusher-js client main() connected, as the chat gateway's console API counts it
  const connections = (app) => appRow(page, app).getByTestId("connections");
  assert.equal(await connections("web/chat").textContent(), "1");
  assert.equal(await connections("chat/support").textContent(), "—");
  assert.match(await connections("chat/support").getAttribute("title"), /not reconciled/);

  await chat.getByRole("button", { name: "Credentials" }).click();
  await page.getByTestId("credentials").filter({ hasText: "secret: chat-secret" }).waitFor({ timeout: TIMEOUT });

  const popup = page.waitForEvent("popup", { timeout: TIMEOUT });
  await chat.getByRole("button", { name: "Console" }).click();
  const consolePage = await popup;
  await consolePage.getByTestId("status").filter({ hasText: "live" }).waitFor({ timeout: TIMEOUT });
  assert.ok(consolePage.url().startsWith(`${gateway}/console/`), consolePage.url());
  assert.match(await consolePage.getByTestId("app").textContent(), /1001/);
  await consolePage.close();

  const create = page.getByTestId("create");
  await fill(create, { Namespace: "web", Name: "news", Replicas: "2" });
  await create.getByLabel("client events").check();
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByTestId("message").filter({ hasText: "created web/news" }).waitFor({ timeout: TIMEOUT });
  await appRow(page, "web/news").waitFor({ timeout: TIMEOUT });

  const imported = page.getByTestId("import");
  await fill(imported, { Namespace: "chat", Name: "legacy", "App ID": "424242", Key: "pusher-key", Secret: "pusher-secret" });
  await imported.getByRole("button", { name: "Import" }).click();
  await page.getByTestId("message").filter({ hasText: "imported chat/legacy" }).waitFor({ timeout: TIMEOUT });
  await appRow(page, "chat/legacy").waitFor({ timeout: TIMEOUT });

  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });

  await fill(create, { Namespace: "kube-system", Name: "nope" });
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByTestId("message").filter({ hasText: "not watched" }).waitFor({ timeout: TIMEOUT });


  // bob may list web only; carol nothing; a forged token is sent back to the sign-in form
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "bob-token");
  await page.getByTestId("forbidden").filter({ hasText: "chat" }).waitFor({ timeout: TIMEOUT });
  await chat.getByRole("button", { name: "Credentials" }).click();
  await page.getByTestId("message").filter({ hasText: "bob may not get vaskapps.vask.dev chat in namespace web" }).waitFor({ timeout: TIMEOUT });
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "carol-token");
  await page.getByTestId("message").filter({ hasText: "carol may not list" }).waitFor({ timeout: TIMEOUT });
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "forged-token");
  await page.getByTestId("signin").waitFor({ timeout: TIMEOUT });
  await page.getByTestId("apps").waitFor({ state: "hidden", timeout: TIMEOUT });
  await page.getByTestId("user").filter({ hasText: "bearer token" }).waitFor({ timeout: TIMEOUT });
}

async function main() {
  assert.ok(url && gatewayPort && screenshot, "usage: dashboard.mjs DASHBOARD_URL GATEWAY_PORT SCREENSHOT");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-test-deps`);
  const chatGateway = await startGateway({ apps: [CHAT], port: Number(gatewayPort) });
  const client = new PusherClient(CHAT.key, {
    cluster: "vask", wsHost: "127.0.0.1", wsPort: Number(gatewayPort), forceTLS: false, enabledTransports: ["ws"],
  });
  await connected(client);
  const profile = mkdtempSync(join(tmpdir(), "vask-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    await drive(await context.newPage());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    client.disconnect();
    await chatGateway.stop();
  }
}

main().then(
  () => console.log("dashboard: every step passed"),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

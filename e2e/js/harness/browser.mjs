// A real Chromium (Debian's package, never downloaded) driven by playwright-core, and the console
// token a page is opened with.
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** A console token for `app` (docs/console.md): HMAC-SHA256 with the secret over id and expiry. */
export function consoleToken(app, ttlSeconds = 600) {
  const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
  const signature = createHmac("sha256", app.secret)
    .update(`vask-console\n${app.id}\n${expires}`)
    .digest("hex");
  return `${app.id}.${expires}.${signature}`;
}

/** Starts headless Chromium with a throw-away profile; `close()` removes it. */
export async function startBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/install-test-deps (apt-get install chromium)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "vask-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    async page(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId("status").filter({ hasText: "live" }).waitFor({ timeout: 15_000 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for a log row of `type` whose text contains `text`. */
export async function logRow(page, type, text, timeout = 15_000) {
  const row = page.locator(`[data-testid=log] tr[data-type="${type}"]`).filter({ hasText: text });
  await row.first().waitFor({ timeout });
  return row.first();
}

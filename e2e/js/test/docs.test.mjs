// The reference docs (docs/*.md) run as written: every block marked `<!-- doc-test: … -->` is
// executed against a real gateway (or recomputed) and must produce exactly what the page shows.
// harness/doc-examples.mjs describes the markers; harness/doc-transcripts.mjs the conversations.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import {
  examples,
  hmacHex,
  hmacRows,
  jsonMatches,
  markdownFiles,
  markedBlocks,
  parseDocumentedJson,
  placeholderPattern,
  splitHttpResponse,
  where,
} from "../harness/doc-examples.mjs";
import { runTranscript } from "../harness/doc-transcripts.mjs";
import { REPO_ROOT, startGateway, waitFor, withTimeout } from "../harness/index.mjs";

const DOCS = join(REPO_ROOT, "docs");
const E2E_JS = fileURLToPath(new URL("..", import.meta.url));

// The docs use the credentials of `make run`'s demo app (scripts/run-demo), so a reader can paste
// every example against it; `counting` is the second app of docs/subscription-count.md.
const APPS = {
  docs: { id: "1001", key: "vask-demo-key", secret: "vask-demo-secret", clientEvents: true },
  counting: { id: "1002", key: "vask-counting-key", secret: "vask-counting-secret", subscriptionCount: true },
};

// Each page in the index of docs/README.md, by the name the index gives it.
const INDEX_ENTRIES = [
  "Quick start",
  "Setup with an agent",
  "Laravel",
  "Channels",
  "Events",
  "Authentication and signatures",
  "User authentication",
  "WebSocket protocol",
  "HTTP API",
  "Cache channels",
  "Encrypted channels",
  "Watchlist events",
  "User connections",
  "Subscription count",
  "Webhooks",
  "JavaScript",
  "PHP",
  "Debug console",
];

const pages = markdownFiles(DOCS).map((file) => ({ file, blocks: markedBlocks(file) }));
const shellSetup = pages.flatMap((page) => page.blocks.filter((block) => block.kind === "sh-setup"));

/** A child process with its output collected; resolves with {code, stdout, stderr}. */
function run(command, args, options) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise((resolveRun) => child.on("exit", (code) => resolveRun({ code, stdout, stderr })));
  return withTimeout(done, `${command} to finish`, 60_000).finally(() => child.kill());
}

describe("docs/README.md, the index", () => {
  const index = readFileSync(join(DOCS, "README.md"), "utf8");

  it("lists every page of the docs index, each linked to a page that exists", () => {
    for (const entry of INDEX_ENTRIES) {
      const line = index.split("\n").find((text) => text.startsWith(`- **${entry}**`) || text.startsWith(`- [${entry}]`));
      assert.ok(line, `the index has no entry "${entry}"`);
    }
  });

  it("has no link, on any page of docs/, to a file that does not exist", () => {
    for (const file of [...markdownFiles(DOCS), ...markdownFiles(join(DOCS, "guides"))]) {
      const text = readFileSync(file, "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target) || target.startsWith("#")) {
          continue;
        }
        const path = resolve(dirname(file), target.split("#")[0]);
        assert.ok(existsSync(path), `${file.replace(REPO_ROOT, "")} links to missing ${target}`);
      }
    }
  });
});

describe("docs examples against a real gateway", () => {
  let gateway;
  let fixtures = [];

  before(async () => {
    gateway = await startGateway({ apps: Object.values(APPS) });
  });
  after(async () => {
    fixtures.forEach((socket) => socket.terminate());
    await gateway?.stop();
  });

  /** The shell every `sh` example runs in: the docs' setup blocks, pointed at the test gateway. */
  function shellScript(example) {
    const setup = shellSetup.map((block) => block.text).join("\n");
    return `set -eu\n${setup}\nexport PUSHER_HOST=${gateway.host} PUSHER_PORT=${gateway.port}\n${example.text}\n`;
  }

  async function runShell(example, expected) {
    const result = await run("bash", ["-c", shellScript(example)], { env: process.env });
    assert.equal(result.code, 0, `${where(example)} exited with ${result.code}: ${result.stderr}`);
    checkOutput(example, expected, result.stdout);
  }

  async function runJavaScript(example, expected) {
    const dir = mkdtempSync(join(E2E_JS, ".docs-"));
    try {
      const file = join(dir, "example.mjs");
      writeFileSync(file, example.text);
      const env = {
        ...process.env,
        PUSHER_SCHEME: "http",
        PUSHER_HOST: gateway.host,
        PUSHER_PORT: String(gateway.port),
        PUSHER_APP_ID: APPS.docs.id,
        PUSHER_APP_KEY: APPS.docs.key,
        PUSHER_APP_SECRET: APPS.docs.secret,
      };
      const result = await run(process.execPath, [file], { cwd: dir, env });
      assert.equal(result.code, 0, `${where(example)} exited with ${result.code}: ${result.stderr}`);
      checkOutput(example, expected, result.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  function checkOutput(example, expected, stdout) {
    if (expected.kind === "stdout") {
      assert.match(stdout.trim(), placeholderPattern(expected.text.trim()), `${where(example)} printed:\n${stdout}`);
      return;
    }
    const actual = splitHttpResponse(stdout);
    const documented = splitHttpResponse(expected.text);
    assert.equal(actual.statusLine, documented.statusLine, `${where(example)} answered:\n${stdout}`);
    const body = actual.body === "" ? null : JSON.parse(actual.body);
    const documentedBody = documented.body === "" ? null : parseDocumentedJson(documented.body);
    assert.ok(jsonMatches(documentedBody, body), `${where(expected)} documents\n${documented.body}\nbut the gateway answered\n${actual.body}`);
  }

  /**
   * What docs/http-api.md says its responses were taken with: one connection on `my-channel`, and
   * users 1 (Ann) and 2 (Bob) on `presence-room`.
   */
  async function httpApiWorld() {
    const subscribe = async (channel, member) => {
      const socket = new WebSocket(`ws://${gateway.host}:${gateway.port}/app/${APPS.docs.key}?protocol=7`);
      fixtures.push(socket);
      const frames = [];
      socket.on("message", (data) => frames.push(JSON.parse(data.toString())));
      const established = await waitFor(() => frames.find((frame) => frame.event === "pusher:connection_established"));
      const socketId = JSON.parse(established.data).socket_id;
      const channelData = member && JSON.stringify({ user_id: member.id, user_info: { name: member.name } });
      const toSign = [socketId, channel, channelData].filter(Boolean).join(":");
      const auth = `${APPS.docs.key}:${hmacHex(APPS.docs.secret, toSign)}`;
      socket.send(JSON.stringify({ event: "pusher:subscribe", data: { channel, auth, channel_data: channelData } }));
      await waitFor(() => frames.find((frame) => frame.event === "pusher_internal:subscription_succeeded"), {
        what: `the fixture's subscription to ${channel}`,
      });
    };
    await subscribe("my-channel");
    await subscribe("presence-room", { id: "1", name: "Ann" });
    await subscribe("presence-room", { id: "2", name: "Bob" });
  }

  for (const page of pages) {
    const runnable = examples(page.blocks);
    if (runnable.length === 0) {
      continue;
    }
    describe(page.file.replace(`${REPO_ROOT}/`, ""), () => {
      if (page.file.endsWith("/http-api.md")) {
        before(httpApiWorld);
        after(() => {
          fixtures.forEach((socket) => socket.terminate());
          fixtures = [];
        });
      }
      for (const { example, expected } of runnable) {
        it(`${example.kind} at line ${example.line}`, async () => {
          if (example.kind === "sh") {
            await runShell(example, expected);
          } else if (example.kind === "js") {
            await runJavaScript(example, expected);
          } else if (example.kind === "transcript") {
            const app = APPS[example.attributes.app ?? "docs"];
            assert.ok(app, `${where(example)}: no app ${example.attributes.app}`);
            await runTranscript(example, gateway, app);
          } else {
            const rows = hmacRows(example);
            assert.ok(rows.length > 0 && example.attributes.secret, `${where(example)}: an hmac table needs rows and secret=`);
            for (const { message, signature } of rows) {
              assert.equal(hmacHex(example.attributes.secret, message), signature, `${where(example)}: ${message}`);
            }
          }
        });
      }
    });
  }
});

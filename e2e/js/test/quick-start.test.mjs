// Issue 2: the README quick start as a new user follows it: start the demo gateway the way
// `make run` does (scripts/run-demo), copy the pusher-js and server snippets it prints into
// files, run them with node, and see the event arrive.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import PusherServer from "pusher";
import { REPO_ROOT, freePort, waitFor, withTimeout } from "../harness/index.mjs";

const E2E_JS = fileURLToPath(new URL("..", import.meta.url));

/** A child process whose output is collected; `exited` resolves with its exit code. */
function run(command, args, options) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  const output = { text: "" };
  child.stdout.on("data", (chunk) => (output.text += chunk));
  child.stderr.on("data", (chunk) => (output.text += chunk));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output, exited };
}

/** The lines after `startMarker` up to the next line that is not indented (the printed snippet). */
function snippetAfter(text, startMarker) {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.includes(startMarker));
  assert.ok(start >= 0, `run-demo printed no "${startMarker}":\n${text}`);
  const snippet = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== "" && !line.startsWith("  ")) break;
    snippet.push(line.replace(/^ {2}/, ""));
  }
  return snippet.join("\n").trim() + "\n";
}

function printed(text, label) {
  const match = text.match(new RegExp(`^\\s*${label}\\s+(\\S+)`, "m"));
  assert.ok(match, `run-demo printed no ${label}:\n${text}`);
  return match[1];
}

describe("README quick start: the snippets run-demo prints", () => {
  let demo;
  let workDir;
  let ports;

  before(async () => {
    ports = { ws: await freePort(), metrics: await freePort() };
    demo = run(join(REPO_ROOT, "scripts/run-demo"), [], {
      cwd: REPO_ROOT,
      detached: true, // its own process group, so Ctrl+C can be sent to the script and its java
      env: { ...process.env, VASK_PORT: String(ports.ws), VASK_METRICS_PORT: String(ports.metrics) },
    });
    await withTimeout(
      Promise.race([
        waitFor(async () => (await fetch(`http://127.0.0.1:${ports.metrics}/ready`)).ok, { timeoutMs: 30_000 }),
        demo.exited.then(({ code }) => {
          throw new Error(`run-demo exited with ${code}:\n${demo.output.text}`);
        }),
      ]),
      "the demo gateway's /ready",
      30_000,
    );
    // node resolves "pusher-js" and "pusher" from the snippet's folder upwards: put it next to node_modules
    workDir = mkdtempSync(join(E2E_JS, ".quickstart-"));
  });

  after(async () => {
    if (demo && demo.child.exitCode === null) {
      process.kill(-demo.child.pid, "SIGINT"); // what Ctrl+C does
      await withTimeout(demo.exited, "run-demo to stop after Ctrl+C", 20_000);
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("prints credentials and URLs, and its pusher-js snippet receives what its server snippet triggers", async () => {
    const text = demo.output.text;
    assert.match(text, new RegExp(`WebSocket\\s+ws://127\\.0\\.0\\.1:${ports.ws}/app/`));
    const appId = printed(text, "app id");
    const key = printed(text, "app key");
    const secret = printed(text, "app secret");

    const clientFile = join(workDir, "client.mjs");
    const triggerFile = join(workDir, "trigger.mjs");
    writeFileSync(clientFile, snippetAfter(text, "Connect with pusher-js"));
    writeFileSync(triggerFile, snippetAfter(text, "Trigger an event with the Pusher server SDK"));

    const client = run(process.execPath, [clientFile], { cwd: workDir });
    try {
      // the user triggers once the client is listening: the gateway then reports "demo" occupied
      const api = new PusherServer({ appId, key, secret, host: "127.0.0.1", port: String(ports.ws), useTLS: false });
      await waitFor(async () => (await (await api.get({ path: "/channels/demo" })).json()).occupied, {
        what: `the snippet's subscription to "demo" (client output: ${client.output.text})`,
      });
      const trigger = run(process.execPath, [triggerFile], { cwd: workDir });
      const { code } = await withTimeout(trigger.exited, "the trigger snippet");
      assert.equal(code, 0, trigger.output.text);
      await waitFor(() => client.output.text.includes("received"), {
        what: `"received" from the client snippet (output: ${client.output.text})`,
      });
      assert.match(client.output.text, /received \{ message: 'hi from Vask' \}/);
    } finally {
      client.child.kill();
      await client.exited;
    }
  });
});

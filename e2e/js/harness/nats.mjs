// A real nats-server with JetStream on a free 127.0.0.1 port and a temporary store.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor, withTimeout } from "./await.mjs";
import { freePort } from "./ports.mjs";

/** Where Debian's nats-server package puts the binary; NATS_SERVER overrides it. */
const BINARY = process.env.NATS_SERVER || "/usr/sbin/nats-server";

/** Starts nats-server and resolves once it accepts connections; `stop()` ends it. */
export async function startNatsServer() {
  const dir = mkdtempSync(join(tmpdir(), "vask-e2e-nats-"));
  const port = await freePort();
  const child = spawn(BINARY, ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", join(dir, "js")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log = [];
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const nats = {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await withTimeout(exited, "nats-server to exit", 15_000).catch(() => child.kill("SIGKILL"));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(() => child.exitCode === null && accepting(port), { timeoutMs: 20_000, what: "nats-server" });
  } catch (error) {
    await nats.stop();
    throw new Error(`${error.message}\n--- nats-server log ---\n${log.join("")}`);
  }
  return nats;
}

function accepting(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// Starts a real gateway process (the shaded jar `mvn package` builds) on free 127.0.0.1 ports.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor, withTimeout } from "./await.mjs";
import { freePort } from "./ports.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, "../../..");
export const GATEWAY_JAR = join(REPO_ROOT, "gateway/target/vask-gateway.jar");

const running = new Set();
process.on("exit", () => {
  for (const child of running) {
    child.kill("SIGKILL");
  }
});

/**
 * Starts a gateway serving `apps` (apps-file entries, see apps.mjs) and resolves once /ready
 * answers 200. `env` adds or overrides VASK_* variables; `port` and `metricsPort` reuse ports (a
 * restart), free ones are picked otherwise. Call `stop()` when done.
 */
export async function startGateway({ apps, env = {}, port: wantedPort, metricsPort: wantedMetricsPort }) {
  if (!existsSync(GATEWAY_JAR)) {
    throw new Error(`${GATEWAY_JAR} is missing: build it with mvn -pl contract,gateway package`);
  }
  const dir = mkdtempSync(join(tmpdir(), "vask-e2e-"));
  const appsFile = join(dir, "apps.json");
  writeFileSync(appsFile, JSON.stringify({ apps }));
  const port = wantedPort ?? (await freePort());
  const metricsPort = wantedMetricsPort ?? (await freePort());
  const child = spawn("java", ["-jar", GATEWAY_JAR], {
    env: {
      ...process.env,
      VASK_HOST: "127.0.0.1",
      VASK_PORT: String(port),
      VASK_METRICS_PORT: String(metricsPort),
      VASK_APPS_FILE: appsFile,
      VASK_DRAIN_SECONDS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString());
    if (log.length > 2000) {
      log.splice(0, log.length - 2000);
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolveExit) => child.on("exit", (code, signal) => resolveExit({ code, signal })));
  exited.then(() => running.delete(child));

  const gateway = {
    host: "127.0.0.1",
    port,
    metricsPort,
    appsFile,
    process: child,
    exited,
    log: () => log.join(""),
    metricsUrl: `http://127.0.0.1:${metricsPort}`,
    /** Rewrites the apps file; the gateway reloads it within VASK_APPS_RELOAD_MS. */
    writeApps(newApps) {
      writeFileSync(appsFile, JSON.stringify({ apps: newApps }));
    },
    /** SIGTERM, then waits for the process to exit (SIGKILL if it takes longer than 15 s). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        try {
          await withTimeout(exited, "the gateway to exit", 15_000);
        } catch (error) {
          child.kill("SIGKILL");
          await exited;
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const diedEarly = exited.then(({ code, signal }) => {
    throw new Error(`gateway exited during start-up (code ${code}, signal ${signal})`);
  });
  diedEarly.catch(() => {}); // after start-up, exiting is stop()'s business
  try {
    await Promise.race([
      diedEarly,
      waitFor(async () => (await fetch(`${gateway.metricsUrl}/ready`)).status === 200, {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: "the gateway's /ready",
      }),
    ]);
  } catch (error) {
    await gateway.stop();
    throw new Error(`${error.message}\n--- gateway log ---\n${gateway.log()}`);
  }
  return gateway;
}

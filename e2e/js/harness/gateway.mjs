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

/**
 * JVM options for the short-lived test gateways: C1 only and the serial collector start the jar
 * in about half the time on a busy 2-core machine; nothing the tests observe depends on the JIT.
 * E2E_JAVA_OPTS overrides them (an empty value runs with the JVM's defaults).
 */
const DEFAULT_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

function javaOptions() {
  const options = process.env.E2E_JAVA_OPTS ?? DEFAULT_JAVA_OPTIONS;
  return options.split(/\s+/).filter((option) => option !== "");
}

/** The caller's environment minus VASK_* variables: the gateway refuses unknown ones, and a
 * developer's own VASK_NATS_URL or VASK_APP_KEY must not leak into a test gateway. */
function environmentWithoutVask() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VASK_")));
}

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
export async function startGateway(options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startGatewayOnce(options);
    } catch (error) {
      // another process took a chosen port between the check and the bind: pick new ones
      const retry = error.portTaken && options.port === undefined && attempt < 3;
      if (!retry) {
        throw error;
      }
    }
  }
}

async function startGatewayOnce({ apps, env = {}, port: wantedPort, metricsPort: wantedMetricsPort }) {
  if (!existsSync(GATEWAY_JAR)) {
    throw new Error(`${GATEWAY_JAR} is missing: build it with mvn -pl contract,gateway package`);
  }
  const dir = mkdtempSync(join(tmpdir(), "vask-e2e-"));
  const appsFile = join(dir, "apps.json");
  writeFileSync(appsFile, JSON.stringify({ apps }));
  const port = wantedPort ?? (await freePort());
  const metricsPort = wantedMetricsPort ?? (await freePort());
  const child = spawn("java", [...javaOptions(), "-jar", GATEWAY_JAR], {
    env: {
      ...environmentWithoutVask(),
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
    const failure = new Error(`${error.message}\n--- gateway log ---\n${gateway.log()}`);
    failure.portTaken = gateway.log().includes("Address already in use");
    throw failure;
  }
  return gateway;
}

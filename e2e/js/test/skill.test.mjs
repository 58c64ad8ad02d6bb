// The agent skill runs as written: every `sh` block of skills/vask-realtime/SKILL.md marked
// `<!-- doc-test: sh -->` is executed with bash (the ./vask launcher on PATH, PUSHER_* pointing at a
// real gateway) and must exit 0 and print what the following `stdout` block shows
// (harness/doc-examples.mjs describes the markers and placeholders). The skill's front matter is
// checked too, so the skill loads in agents that read the agent-skills format.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { examples, markedBlocks, placeholderPattern, where } from "../harness/doc-examples.mjs";
import { REPO_ROOT, startGateway } from "../harness/gateway.mjs";
import { withTimeout } from "../harness/await.mjs";

const SKILL = join(REPO_ROOT, "skills/vask-realtime/SKILL.md");
const CLI_JAR = join(REPO_ROOT, "cli/target/vask-cli.jar");
const APP = { id: "1001", key: "vask-demo-key", secret: "vask-demo-secret" };

function bash(script, env, cwd) {
  const child = spawn("bash", ["-euo", "pipefail", "-c", script], { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
  return withTimeout(done, "the skill's commands to finish", 120_000).finally(() => child.kill());
}

describe("skills/vask-realtime/SKILL.md", () => {
  const text = readFileSync(SKILL, "utf8");

  it("has the agent-skills front matter: name vask-realtime and a description", () => {
    const front = text.match(/^---\n([\s\S]*?)\n---\n/);
    assert.ok(front, "SKILL.md starts with YAML front matter");
    assert.match(front[1], /^name: vask-realtime$/m);
    assert.match(front[1], /^description: \S.{40,}$/m);
  });

  it("covers every step an agent needs", () => {
    for (const needle of ["pusher-js", "laravel-echo", "pusher-php-server", "PUSHER_HOST", "auth", "vask tail", "vask trigger", "vask register"]) {
      assert.ok(text.includes(needle), `the skill mentions ${needle}`);
    }
  });

  describe("its commands, run as written against a real gateway", () => {
    let gateway;
    let env;
    let dir;
    const runnable = examples(markedBlocks(SKILL));

    before(async () => {
      if (!existsSync(CLI_JAR)) {
        throw new Error(`${CLI_JAR} is missing: build it with make cli (or mvn package)`);
      }
      gateway = await startGateway({ apps: [APP] });
      dir = mkdtempSync(join(tmpdir(), "vask-skill-"));
      env = {
        PATH: `${REPO_ROOT}:${process.env.PATH}`,
        HOME: dir,
        PUSHER_APP_ID: APP.id,
        PUSHER_APP_KEY: APP.key,
        PUSHER_APP_SECRET: APP.secret,
        PUSHER_HOST: "127.0.0.1",
        PUSHER_PORT: String(gateway.port),
        PUSHER_SCHEME: "http",
      };
    });

    after(async () => {
      await gateway?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("marks at least the check, the tail/trigger round trip and a presence subscription", () => {
      assert.ok(runnable.length >= 3, `found ${runnable.length} runnable blocks`);
    });

    for (const { example, expected } of runnable) {
      it(`${where(example).replace(/^.*skills\//, "skills/")} runs and prints what the skill shows`, async () => {
        const result = await bash(example.text, env, dir);
        assert.equal(result.code, 0, `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
        assert.match(result.stdout.trim(), placeholderPattern(expected.text.trim()), `stderr:\n${result.stderr}`);
      });
    }
  });
});

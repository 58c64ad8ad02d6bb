// Support for the cluster e2e: a real nats-server with JetStream and three gateway processes
// (the shaded jar) sharing it, on free ports, plus Pusher SDK clients pointed at any pod.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Pusher from 'pusher-js';
import PusherServer from 'pusher';
import { freePort } from '../harness/ports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const JAR = resolve(here, '../../../gateway/target/vask-gateway.jar');
const NATS_SERVER = process.env.NATS_SERVER || '/usr/sbin/nats-server';

export const APP = { id: 'cluster-js', key: 'key-cluster-js', secret: 'secret-cluster-js' };

/** The caller's environment minus VASK_* (the gateway refuses names it does not know). */
function withoutVaskVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VASK_')));
}

/** Polls {@code check} until it returns a truthy value (or throws after {@code ms}). */
export async function until(check, ms = 20000, what = 'condition') {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function accepting(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); ok(true); });
    socket.once('error', () => ok(false));
  });
}

async function ready(metricsPort) {
  try {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/ready`);
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Starts nats-server and {@code count} gateways; returns the cluster with a stop(). */
export async function startCluster(count = 3) {
  if (!existsSync(JAR)) throw new Error(`build the gateway first: ${JAR} is missing`);
  const dir = mkdtempSync(join(tmpdir(), 'vask-cluster-js-'));
  const log = openSync(join(dir, 'processes.log'), 'a');
  const children = [];
  const natsPort = await freePort();
  children.push(spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'js')],
    { stdio: ['ignore', log, log] }));
  const natsUp = until(() => accepting(natsPort), 20000, 'nats-server');

  const appsFile = join(dir, 'apps.json');
  writeFileSync(appsFile, JSON.stringify({ apps: [{ ...APP, clientEvents: true }] }));
  // a free port picked here may be taken before the gateway binds it: a pod that exits is
  // started again on other ports
  async function startPod(i) {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const metricsPort = await freePort();
      const child = spawn('java', ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-jar', JAR], {
        stdio: ['ignore', log, log],
        env: {
          ...withoutVaskVariables(process.env),
          VASK_HOST: '127.0.0.1',
          VASK_PORT: String(port),
          VASK_METRICS_PORT: String(metricsPort),
          VASK_APPS_FILE: appsFile,
          VASK_NATS_URL: `nats://127.0.0.1:${natsPort}`,
          VASK_NODE_ID: `js-pod-${i}`,
          VASK_IO_THREADS: '1',
          VASK_DRAIN_SECONDS: '1',
        },
      });
      children.push(child);
      await until(async () => child.exitCode !== null || (await ready(metricsPort)), 60000, 'gateway readiness');
      if (child.exitCode === null) return { port, metricsPort };
      if (attempt === 3) throw new Error('the gateway did not start (see processes.log)');
    }
  }
  const pods = [];
  try {
    await natsUp;
    for (let i = 0; i < count; i++) pods.push(await startPod(i));
  } catch (e) {
    // the children would keep node (and CI) alive
    children.forEach((child) => child.kill('SIGKILL'));
    throw e;
  }

  const clients = [];
  return {
    pods,
    api(pod) {
      return new PusherServer({ appId: APP.id, key: APP.key, secret: APP.secret,
        host: '127.0.0.1', port: String(pod.port), useTLS: false });
    },
    /** A connected pusher-js client on {@code pod}; {@code userId} for presence channels. */
    async client(pod, userId) {
      const api = this.api(pod);
      const client = new Pusher(APP.key, {
        wsHost: '127.0.0.1', wsPort: pod.port, forceTLS: false, enabledTransports: ['ws'],
        cluster: 'vask', disableStats: true,
        channelAuthorization: {
          customHandler: ({ socketId, channelName }, callback) => callback(null,
            channelName.startsWith('presence-')
              ? api.authorizeChannel(socketId, channelName, { user_id: userId, user_info: { name: userId } })
              : api.authorizeChannel(socketId, channelName)),
        },
      });
      clients.push(client);
      await until(() => client.connection.state === 'connected', 20000, 'pusher-js connection');
      return client;
    },
    async stop() {
      clients.forEach((c) => c.disconnect());
      for (const child of children.reverse()) {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Subscribes and resolves once the pod confirmed the subscription. */
export function subscribed(client, name) {
  const channel = client.subscribe(name);
  return new Promise((ok, fail) => {
    channel.bind('pusher:subscription_succeeded', () => ok(channel));
    channel.bind('pusher:subscription_error', (e) => fail(new Error(`subscription failed: ${JSON.stringify(e)}`)));
  });
}

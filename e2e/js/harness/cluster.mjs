// A cluster in processes: one nats-server and several gateways sharing it (each a pod with its own
// node id), serving one app, with pusher-js clients and the pusher (node) SDK pointed at any pod.
import PusherClient from "pusher-js";
import { newApp } from "./apps.mjs";
import { connected, serverSdkFor } from "./environment.mjs";
import { startGateway } from "./gateway.mjs";
import { startNatsServer } from "./nats.mjs";

/**
 * Starts nats-server and `pods` gateways serving one app (`settings` are its apps-file fields);
 * resolves with `{pods, app, api(pod), client(pod, userId), stop()}`.
 */
export async function startCluster({ pods: count = 3, settings = { clientEvents: true } } = {}) {
  const app = newApp(settings);
  const nats = await startNatsServer();
  const pods = [];
  const clients = new Set();
  const cluster = {
    pods,
    app,
    nats,

    /** The pusher (node) server SDK publishing through `pod`. */
    api(pod) {
      return serverSdkFor(pod, app);
    },

    /**
     * A connected pusher-js client on `pod`; channel authorization signs in-process with the
     * server SDK, as `userId` on presence channels.
     */
    async client(pod, userId) {
      const api = cluster.api(pod);
      const client = new PusherClient(app.key, {
        cluster: "vask",
        wsHost: pod.host,
        wsPort: pod.port,
        forceTLS: false,
        enabledTransports: ["ws"],
        disableStats: true,
        channelAuthorization: {
          customHandler: ({ socketId, channelName }, callback) =>
            callback(
              null,
              channelName.startsWith("presence-")
                ? api.authorizeChannel(socketId, channelName, { user_id: userId, user_info: { name: userId } })
                : api.authorizeChannel(socketId, channelName),
            ),
        },
      });
      clients.add(client);
      return connected(client, 20_000);
    },

    async stop() {
      for (const client of clients) {
        client.disconnect();
      }
      clients.clear();
      for (const pod of pods.splice(0).reverse()) {
        await pod.stop();
      }
      await nats.stop();
    },
  };
  try {
    for (let i = 0; i < count; i++) {
      const env = { VASK_NATS_URL: nats.url, VASK_NODE_ID: `js-pod-${i}`, VASK_IO_THREADS: "1", VASK_DRAIN_SECONDS: "1" };
      pods.push(await startGateway({ apps: [app], env }));
    }
  } catch (error) {
    // the processes would keep node (and CI) alive
    await cluster.stop();
    throw error;
  }
  return cluster;
}

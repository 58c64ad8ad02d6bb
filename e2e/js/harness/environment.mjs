// One test file's world: a gateway process with named apps, the auth endpoints, pusher-js clients
// and pusher (node) server SDKs pointed at it, and everything torn down by stop().
import PusherServer from "pusher";
import PusherClient from "pusher-js";
import { newApp } from "./apps.mjs";
import { startAuthServer } from "./auth-server.mjs";
import { withTimeout } from "./await.mjs";
import { startGateway } from "./gateway.mjs";

/**
 * Starts a gateway serving one app per entry of `apps` (name -> apps-file settings, or a
 * function of the started helpers returning them, e.g. to point webhooks at a receiver).
 */
export async function startEnvironment({ apps, env = {} }) {
  const appsByName = {};
  for (const [name, settings] of Object.entries(apps)) {
    appsByName[name] = newApp(settings);
  }
  const sdkByKey = new Map();
  const authServer = await startAuthServer(sdkByKey);
  let gateway;
  try {
    gateway = await startGateway({ apps: Object.values(appsByName), env });
  } catch (error) {
    await authServer.close();
    throw error;
  }
  for (const app of Object.values(appsByName)) {
    sdkByKey.set(app.key, serverSdkFor(gateway, app));
  }
  const clients = new Set();

  const environment = {
    gateway,
    authServer,
    apps: appsByName,

    /** The pusher (node) server SDK for app `name`; `extra` adds options (e.g. encryptionMasterKeyBase64). */
    sdk(name, extra = {}) {
      const app = appOf(name);
      return Object.keys(extra).length === 0 ? sdkByKey.get(app.key) : serverSdkFor(gateway, app, extra);
    },

    /**
     * pusher-js options for app `name`, as a user of the docs would write them; `user` (id),
     * `userName`, `watchlist` (ids) and `deny` become parameters for the auth endpoints.
     */
    clientOptions(name, { user, userName, watchlist, deny, ...options } = {}) {
      const app = appOf(name);
      const params = {};
      if (user !== undefined) params.user_id = user;
      if (userName !== undefined) params.user_name = userName;
      if (watchlist !== undefined) params.watchlist = watchlist.join(",");
      if (deny) params.deny = "1";
      return {
        cluster: "vask",
        wsHost: gateway.host,
        wsPort: gateway.port,
        forceTLS: false,
        enabledTransports: ["ws"],
        channelAuthorization: { endpoint: authServer.channelEndpoint(app.key), transport: "ajax", params },
        userAuthentication: { endpoint: authServer.userEndpoint(app.key), transport: "ajax", params },
        ...options,
      };
    },

    /** A pusher-js client of app `name`, resolved once connected (disconnected by stop()). */
    async client(name, options = {}) {
      const client = new PusherClient(appOf(name).key, environment.clientOptions(name, options));
      environment.track(client);
      await connected(client);
      return client;
    },

    /** Registers something with a `disconnect()` (a pusher-js client, an Echo) for stop(). */
    track(client) {
      clients.add(client);
      return client;
    },

    async stop() {
      for (const client of clients) {
        client.disconnect();
      }
      clients.clear();
      await gateway.stop();
      await authServer.close();
    },
  };

  function appOf(name) {
    const app = appsByName[name];
    if (!app) {
      throw new Error(`no app named ${name}`);
    }
    return app;
  }
  return environment;
}

/** The pusher (node) server SDK pointed at `gateway` for `app`, as README.md shows. */
export function serverSdkFor(gateway, app, extra = {}) {
  return new PusherServer({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: gateway.host,
    port: String(gateway.port),
    useTLS: false,
    ...extra,
  });
}

/** Resolves when the pusher-js client is connected; rejects if it fails or times out. */
export function connected(client, timeoutMs = 10_000) {
  if (client.connection.state === "connected") {
    return Promise.resolve(client);
  }
  const done = new Promise((resolve, reject) => {
    client.connection.bind("connected", () => resolve(client));
    client.connection.bind("failed", () => reject(new Error("pusher-js connection failed")));
  });
  return withTimeout(done, `pusher-js to connect (state ${client.connection.state})`, timeoutMs);
}

/** Subscribes and resolves with the channel once `pusher:subscription_succeeded` arrived. */
export function subscribed(client, channelName, timeoutMs = 10_000) {
  const channel = client.subscribe(channelName);
  if (channel.subscribed) {
    return Promise.resolve(channel);
  }
  const done = new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error) =>
      reject(new Error(`subscription to ${channelName} failed: ${JSON.stringify(error)}`)),
    );
  });
  return withTimeout(done, `subscription to ${channelName}`, timeoutMs);
}

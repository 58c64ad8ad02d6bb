// One test file's world: a gateway process with named apps, the auth endpoints, pusher-js clients
// and pusher (node) server SDKs pointed at it, and everything torn down by stop().
import PusherServer from "pusher";
import PusherClient from "pusher-js";
import { newApp } from "./apps.mjs";
import { startAuthServer } from "./auth-server.mjs";
import { withTimeout } from "./await.mjs";
import { startGateway } from "./gateway.mjs";

/**
 * Starts a gateway serving one app per entry of `apps` (name -> apps-file settings).
 * `sdkOptions` (name -> options) adds pusher (node) SDK options for an app, e.g. its
 * `encryptionMasterKeyBase64`; the auth endpoints sign with that SDK too.
 */
export async function startEnvironment({ apps, env = {}, sdkOptions = {} }) {
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
  for (const [name, app] of Object.entries(appsByName)) {
    sdkByKey.set(app.key, serverSdkFor(gateway, app, sdkOptions[name]));
  }
  const clients = new Set();
  const sockets = new Set();

  const environment = {
    get gateway() {
      return gateway;
    },
    authServer,
    apps: appsByName,

    /** The pusher (node) server SDK for app `name`; `extra` adds options (e.g. encryptionMasterKeyBase64). */
    sdk(name, extra = {}) {
      const app = appOf(name);
      return Object.keys(extra).length === 0 ? sdkByKey.get(app.key) : serverSdkFor(gateway, app, extra);
    },

    /**
     * pusher-js options for app `name`, as a user of the docs would write them; `user` (id),
     * `userName`, `watchlist` (ids), `presenceData: false` (presence auth without member data)
     * and `deny` become parameters for the auth endpoints.
     */
    clientOptions(name, { user, userName, watchlist, deny, presenceData = true, ...options } = {}) {
      const app = appOf(name);
      const params = {};
      if (user !== undefined) params.user_id = user;
      if (userName !== undefined) params.user_name = userName;
      if (watchlist !== undefined) params.watchlist = watchlist.join(",");
      if (deny) params.deny = "1";
      if (!presenceData) params.no_channel_data = "1";
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
      const pusher = client.connector?.pusher ?? client;
      pusher.connection.bind("connected", () => sockets.add(pusher.connection.connection?.transport?.socket));
      return client;
    },

    /**
     * Stops the gateway (SIGTERM: clients get 4200) and starts a new one on the same ports with
     * the same apps, as a rolling restart would; clients stay as they are.
     */
    async restartGateway() {
      const { port, metricsPort } = gateway;
      await gateway.stop();
      gateway = await startGateway({ apps: Object.values(appsByName), env, port, metricsPort });
    },

    async stop() {
      for (const client of clients) {
        client.disconnect();
      }
      clients.clear();
      releaseCloseTimers(sockets);
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

/**
 * pusher-js answers a server's refusing close (4009 after terminateUserConnections, 4001, 4003...)
 * by closing the already closed socket again; its WebSocket client (faye) then arms a 30 s close
 * timer that nothing clears, which keeps a Node process alive. Clear those timers at the end.
 */
function releaseCloseTimers(sockets) {
  const CLOSED = 3;
  for (const socket of sockets) {
    if (socket?.readyState === CLOSED && socket._closeTimer) {
      clearTimeout(socket._closeTimer);
    }
  }
  sockets.clear();
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

/**
 * Signs the pusher-js client in (pusher.signin(), through the user-auth endpoint) and resolves
 * once the gateway confirmed it and the client's `#server-to-user-{id}` subscription succeeded.
 */
export async function signedIn(client, timeoutMs = 10_000) {
  const failed = new Promise((_, reject) =>
    client.user.bind("pusher:signin_error", (error) => reject(new Error(`sign-in failed: ${JSON.stringify(error)}`))),
  );
  client.signin();
  await withTimeout(Promise.race([client.user.signinDonePromise, failed]), "sign-in", timeoutMs);
  if (!client.user.user_data) {
    throw new Error("sign-in was not confirmed by the gateway");
  }
  const userChannel = client.user.serverToUserChannel;
  if (!userChannel.subscribed) {
    const done = new Promise((resolve) => userChannel.bind("pusher:subscription_succeeded", resolve));
    await withTimeout(done, `subscription to ${userChannel.name}`, timeoutMs);
  }
  return client;
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

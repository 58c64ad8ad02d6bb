// The e2e harness: real gateway processes (alone or as a NATS cluster), auth endpoints, a webhook
// receiver and await helpers.
export { newApp } from "./apps.mjs";
export { startAuthServer } from "./auth-server.mjs";
export { startCluster } from "./cluster.mjs";
export { deferred, nextEvent, record, waitFor, withTimeout } from "./await.mjs";
export { connected, serverSdkFor, signedIn, startEnvironment, subscribed } from "./environment.mjs";
export { GATEWAY_JAR, REPO_ROOT, startGateway } from "./gateway.mjs";
export { startNatsServer } from "./nats.mjs";
export { freePort } from "./ports.mjs";
export { openRawSocket } from "./raw-socket.mjs";
export { startWebhookReceiver } from "./webhook-receiver.mjs";
export { consoleToken, logRow, startBrowser } from "./browser.mjs";

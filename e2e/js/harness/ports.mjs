import net from "node:net";

// Below Linux's ephemeral range (32768-60999): a port picked there and released can be taken
// at once as the source port of any process's outgoing connection, and then the gateway's bind
// fails. Ports from this range are only ever taken by someone binding them on purpose.
const LOWEST = 20000;
const HIGHEST = 32000;

/** A TCP port free on every address right now, chosen at random below the ephemeral range. */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST));
    if (await isFree(port)) {
      return port;
    }
  }
  throw new Error(`no free port found between ${LOWEST} and ${HIGHEST}`);
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    // the unspecified address: free there means free on 127.0.0.1 too (run-demo binds 0.0.0.0)
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

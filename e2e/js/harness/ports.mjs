import net from "node:net";

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it; nothing else should reuse it soon). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

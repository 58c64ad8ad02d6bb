import http from "node:http";

/** Starts `handler(request, rawBody, response)` on a free 127.0.0.1 port; resolves with the server and its base URL. */
export function startHttpServer(handler) {
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      try {
        handler(request, Buffer.concat(chunks).toString("utf8"), response);
      } catch (error) {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error?.stack ?? error));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        server,
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// The customer's auth endpoints, as the docs tell users to write them: a tiny HTTP server that
// signs channel authorizations and user sign-ins with the pusher (node) SDK.
import { startHttpServer } from "./http-server.mjs";

/**
 * Serves `POST /{appKey}/auth` (channel authorization) and `POST /{appKey}/user-auth` (sign-in)
 * for every app of `sdkByKey` (app key -> pusher node SDK). Who the caller is comes from the
 * request parameters pusher-js adds (`channelAuthorization.params` / `userAuthentication.params`):
 * `user_id`, `user_name`, `watchlist` (comma-separated), `numeric_user_id` (sign the presence
 * `user_id` as a JSON number, as Laravel does with integer keys), `no_channel_data` (sign a
 * presence subscription without member data: the signed-in user joins) and `deny` (answer 403).
 * `requests` records every request for assertions.
 */
export async function startAuthServer(sdkByKey) {
  const requests = [];
  const http = await startHttpServer((request, rawBody, response) => {
    const [, appKey, action] = new URL(request.url, "http://local").pathname.split("/");
    const params = Object.fromEntries(new URLSearchParams(rawBody));
    requests.push({ appKey, action, params });
    const sdk = sdkByKey.get(appKey);
    if (request.method !== "POST" || !sdk || params.deny === "1") {
      response.writeHead(403, { "content-type": "text/plain" });
      response.end("forbidden");
      return;
    }
    let body;
    if (action === "auth") {
      body = authorizeChannel(sdk, params);
    } else if (action === "user-auth") {
      body = authenticateUser(sdk, params);
    } else {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  return {
    requests,
    channelEndpoint: (appKey) => `${http.baseUrl}/${appKey}/auth`,
    userEndpoint: (appKey) => `${http.baseUrl}/${appKey}/user-auth`,
    close: http.close,
  };
}

function authorizeChannel(sdk, params) {
  const { socket_id: socketId, channel_name: channel, user_id: userId, user_name: name } = params;
  if (channel.startsWith("presence-") && params.no_channel_data !== "1") {
    const memberId = params.numeric_user_id === "1" ? Number(userId) : userId;
    return sdk.authorizeChannel(socketId, channel, { user_id: memberId, user_info: { name: name ?? userId } });
  }
  return sdk.authorizeChannel(socketId, channel);
}

function authenticateUser(sdk, { socket_id: socketId, user_id: userId, user_name: name, watchlist }) {
  const userData = { id: userId, user_info: { name: name ?? userId } };
  if (watchlist) {
    userData.watchlist = watchlist.split(",");
  }
  return sdk.authenticateUser(socketId, userData);
}

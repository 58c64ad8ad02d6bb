// Runs the WebSocket conversations the docs show (`<!-- doc-test: transcript -->` blocks) against a
// real gateway, frame by frame. One line per step:
//   [name] → FRAME          the connection sends FRAME (exact text after substitution)
//   [name] ← FRAME          the connection's next frame must equal FRAME (`<…>` matches any text)
//   [name] ← close CODE     the server closes the connection with CODE
//   [name] connect PATH     opens the connection on PATH (otherwise opened on first use with
//                           /app/<app_key>?protocol=7&client=js&version=8.6.0)
//   [name] disconnect       the client closes its socket
//   POST|GET PATH [BODY]    the app's server calls the HTTP API (signed); it must answer 200
//   # …                     a comment
// `name` (a word) tells connections apart; without it the line belongs to the first connection.
// Substituted in what is sent: <app_key>, <app_id>, <socket_id> (this connection's),
// <socket_id of NAME>, and <auth> (the correct signature for the subscribe or sign-in it is in).
import { createHash } from "node:crypto";
import WebSocket from "ws";
import { waitFor } from "./await.mjs";
import { hmacHex, placeholderPattern } from "./doc-examples.mjs";

const STEP = /^(?:(\w+) )?(→|←|connect|disconnect)(?: (.*))?$/;
const DEFAULT_NAME = "client";

/** Runs `block`'s transcript against `gateway` for `app` ({id, key, secret}); throws on the first mismatch. */
export async function runTranscript(block, gateway, app) {
  const connections = new Map();
  try {
    for (const [index, raw] of block.text.split("\n").entries()) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) {
        continue;
      }
      try {
        await step(line, { gateway, app, connections });
      } catch (error) {
        throw new Error(`line ${block.line + index}: ${line}\n  ${error.message}`);
      }
    }
    for (const [name, connection] of connections) {
      const unread = connection.frames.slice(connection.read);
      if (unread.length > 0) {
        throw new Error(`${name} received frames the transcript does not show:\n  ${unread.join("\n  ")}`);
      }
    }
  } finally {
    for (const connection of connections.values()) {
      connection.socket.terminate();
    }
  }
}

async function step(line, context) {
  const http = line.match(/^(POST|GET) (\S+)(?: (.*))?$/);
  if (http) {
    return callApi(context, http[1], substitute(http[2], context), http[3] && substitute(http[3], context));
  }
  const parsed = line.match(STEP);
  if (!parsed) {
    throw new Error("not a transcript step");
  }
  const [, name = DEFAULT_NAME, verb, rest = ""] = parsed;
  if (verb === "connect") {
    return open(context, name, substitute(rest, context));
  }
  const connection = context.connections.get(name) ?? (await open(context, name));
  if (verb === "disconnect") {
    connection.socket.close();
    return waitFor(() => connection.closed, { what: `${name} to close` });
  }
  if (verb === "→") {
    return connection.socket.send(outgoing(rest, connection, context));
  }
  const close = rest.match(/^close (\d+)$/);
  if (close) {
    await waitFor(() => connection.closed, { what: `${name} to be closed` });
    if (connection.closed.code !== Number(close[1])) {
      throw new Error(`closed with ${connection.closed.code} ${connection.closed.reason}`);
    }
    return undefined;
  }
  const frame = await waitFor(() => connection.frames[connection.read], { what: `a frame for ${name}` });
  connection.read++;
  if (!placeholderPattern(rest).test(frame)) {
    throw new Error(`received ${frame}`);
  }
  return undefined;
}

async function open(context, name, path = "/app/<app_key>?protocol=7&client=js&version=8.6.0") {
  const url = `ws://${context.gateway.host}:${context.gateway.port}${substitute(path, context)}`;
  const socket = new WebSocket(url);
  const connection = { socket, frames: [], read: 0, closed: null, socketId: null };
  socket.on("message", (data) => {
    const text = data.toString();
    connection.frames.push(text);
    const established = text.match(/^\{"event":"pusher:connection_established","data":"\{\\"socket_id\\":\\"([\d.]+)\\"/);
    if (established) {
      connection.socketId = established[1];
    }
  });
  socket.on("close", (code, reason) => (connection.closed = { code, reason: reason.toString() }));
  socket.on("error", () => {});
  context.connections.set(name, connection);
  await waitFor(() => socket.readyState !== WebSocket.CONNECTING, { what: `${name} to connect` });
  return connection;
}

function substitute(text, { app, connections }, connection) {
  return text
    .replaceAll("<app_key>", app.key)
    .replaceAll("<app_id>", app.id)
    .replace(/<socket_id of (\w+)>/g, (_, name) => connections.get(name)?.socketId ?? `no connection ${name}`)
    .replaceAll("<socket_id>", connection?.socketId ?? "<socket_id>");
}

/** The frame to send: placeholders filled in, `<auth>` signed for its subscribe or sign-in. */
function outgoing(text, connection, context) {
  const filled = substitute(text, context, connection);
  if (!filled.includes('"<auth>"')) {
    return filled;
  }
  const frame = JSON.parse(filled);
  const data = typeof frame.data === "string" ? JSON.parse(frame.data) : frame.data;
  let toSign;
  if (frame.event === "pusher:signin") {
    toSign = `${connection.socketId}::user::${data.user_data}`;
  } else {
    toSign = [connection.socketId, data.channel, data.channel_data].filter((part) => part !== undefined).join(":");
  }
  return filled.replace('"<auth>"', JSON.stringify(`${context.app.key}:${hmacHex(context.app.secret, toSign)}`));
}

/** A signed HTTP API call (PROTOCOL.md §9.2); throws unless it answers 200. */
export async function callApi({ gateway, app }, method, path, body) {
  const params = { auth_key: app.key, auth_timestamp: String(Math.floor(Date.now() / 1000)), auth_version: "1.0" };
  if (body) {
    params.body_md5 = createHash("md5").update(body, "utf8").digest("hex");
  }
  const [bare, query = ""] = path.split("?");
  for (const [key, value] of new URLSearchParams(query)) {
    params[key] = value;
  }
  const sorted = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  const signature = hmacHex(app.secret, `${method}\n${bare}\n${sorted}`);
  const url = `http://${gateway.host}:${gateway.port}${bare}?${new URLSearchParams({ ...params, auth_signature: signature })}`;
  const response = await fetch(url, { method, body, headers: body ? { "content-type": "application/json" } : {} });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${method} ${path} answered ${response.status} ${text}`);
  }
  return text;
}

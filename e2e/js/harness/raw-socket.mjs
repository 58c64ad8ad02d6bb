// A bare WebSocket speaking the Pusher protocol frame by frame, for what pusher-js refuses to
// send (e.g. subscribing to another user's `#server-to-user-` channel) or hides (the raw frames).
import WebSocket from "ws";
import { waitFor, withTimeout } from "./await.mjs";

/** Connects to app `appKey` and resolves after `pusher:connection_established`. */
export async function openRawSocket(gateway, appKey) {
  const socket = new WebSocket(`ws://${gateway.host}:${gateway.port}/app/${appKey}?protocol=7&client=js&version=8.6.0`);
  const frames = [];
  socket.on("message", (raw) => {
    const frame = JSON.parse(raw.toString());
    if (typeof frame.data === "string" && frame.event.startsWith("pusher")) {
      try {
        frame.data = JSON.parse(frame.data);
      } catch {
        // pusher_internal data is JSON; anything else stays a string
      }
    }
    frames.push(frame);
  });
  const closed = new Promise((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const raw = {
    frames,
    closed,
    socketId: null,
    send(event, data, channel) {
      socket.send(JSON.stringify(channel === undefined ? { event, data } : { event, data, channel }));
    },
    /** The first frame (received so far or later) that passes `accept`. */
    nextFrame(accept, what = "a frame") {
      return waitFor(() => frames.find(accept), { what });
    },
    close() {
      socket.close();
      return closed;
    },
  };
  const established = await withTimeout(
    raw.nextFrame((frame) => frame.event === "pusher:connection_established", "connection_established"),
    "connection_established",
  );
  raw.socketId = established.data.socket_id;
  return raw;
}

// The Vask debug console: one app's live debug records, its channels and an event creator.
// Authorized by a console token (from the URL fragment #token=…, kept for this tab only).
import { Log } from "./log.js";

const $ = (id) => document.getElementById(id);
const token = readToken();
const log = new Log($("log"), () => ({
  channel: $("filter-channel").value.trim(),
  type: $("filter-type").value,
  socket: $("filter-socket").value.trim(),
}));
const live = { messages: [] };

if (!token) {
  $("status").textContent = "signed out";
  $("signin").hidden = false;
  $("signin").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "token=" + $("token").value.trim();
    location.reload();
  });
} else {
  stream();
  refreshChannels();
  refreshStats();
  setInterval(refreshChannels, 2000);
  setInterval(refreshStats, 2000);
  setInterval(showRate, 1000);
}

for (const id of ["filter-channel", "filter-type", "filter-socket"]) {
  $(id).addEventListener("input", () => log.render());
}
$("clear").addEventListener("click", () => log.clear());
$("creator").addEventListener("submit", sendEvent);

function readToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("vask-console-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);
  }
  return sessionStorage.getItem("vask-console-token");
}

function api(path, init = {}) {
  return fetch("/console/api/" + path, {
    ...init,
    headers: { ...(init.headers || {}), Authorization: "Bearer " + token },
  });
}

async function stream() {
  try {
    const response = await api("stream");
    if (!response.ok) {
      $("status").textContent = "token refused (" + response.status + ")";
      return;
    }
    $("status").textContent = "live";
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith("data: ")) onRecord(JSON.parse(event.slice(6)));
      }
    }
  } catch (e) {
    // the gateway went away: retry below
  }
  $("status").textContent = "reconnecting…";
  setTimeout(stream, 2000);
}

function onRecord(record) {
  switch (record.type) {
    case "hello":
      $("app").textContent = "app " + record.app;
      return;
    case "dropped":
      $("dropped").hidden = false;
      $("dropped").textContent = record.count + " records dropped (rate limit)";
      return;
    case "connection_opened":
    case "connection_closed":
      refreshStats();
      break;
    case "api_message":
    case "client_event":
      live.messages.push(Date.now());
      break;
    case "subscribed":
    case "unsubscribed":
    case "channel_vacated":
      refreshChannels();
      break;
  }
  log.add(record);
}

function showRate() {
  const since = Date.now() - 5000;
  live.messages = live.messages.filter((t) => t >= since);
  $("rate").textContent = (live.messages.length / 5).toFixed(1);
}

// the app's open connections on every pod (GET /console/api/stats), not only those the page saw open
async function refreshStats() {
  const response = await api("stats");
  if (!response.ok) return;
  const { connections } = await response.json();
  $("connections").textContent = connections;
}

async function refreshChannels() {
  const response = await api("channels");
  if (!response.ok) return;
  const { channels } = await response.json();
  $("channels").textContent = channels.length;
  const list = $("channel-list");
  list.replaceChildren(
    ...channels.map((c) => {
      const item = document.createElement("li");
      item.textContent = `${c.name} — ${c.subscription_count} subscriber(s)`;
      if (c.members) {
        const members = document.createElement("div");
        members.className = "members";
        members.textContent = "members: " + c.members.map((m) => m.id).join(", ");
        item.append(members);
      }
      return item;
    }),
  );
}

async function sendEvent(e) {
  e.preventDefault();
  const form = new FormData(e.target);
  const out = $("creator-result");
  let data;
  try {
    data = JSON.parse(form.get("data"));
  } catch (err) {
    out.textContent = "data is not JSON: " + err.message;
    return;
  }
  const response = await api("events", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ channel: form.get("channel"), event: form.get("event"), data }),
  });
  const body = await response.json().catch(() => ({}));
  out.textContent = response.ok ? "sent" : "refused: " + (body.error || response.status);
}

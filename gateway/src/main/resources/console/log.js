// The live log: keeps the last records and shows those the filters let through.
const KEEP = 1000;

export class Log {
  constructor(body, filters) {
    this.body = body;
    this.filters = filters;
    this.records = [];
  }

  add(record) {
    this.records.push(record);
    if (this.records.length > KEEP) this.records.shift();
    if (this.matches(record, this.filters())) this.body.prepend(row(record));
    while (this.body.childElementCount > KEEP) this.body.lastElementChild.remove();
  }

  clear() {
    this.records = [];
    this.body.replaceChildren();
  }

  render() {
    const f = this.filters();
    const rows = this.records.filter((r) => this.matches(r, f)).map(row).reverse();
    this.body.replaceChildren(...rows);
  }

  matches(r, f) {
    if (f.type && r.type !== f.type) return false;
    if (f.socket && r.socket_id !== f.socket) return false;
    if (f.channel) {
      const channels = r.channels || (r.channel ? [r.channel] : []);
      if (!channels.some((c) => c.startsWith(f.channel))) return false;
    }
    return true;
  }
}

function row(r) {
  const tr = document.createElement("tr");
  tr.className = "t-" + r.type;
  tr.dataset.type = r.type;
  const cells = [
    new Date(r.ts).toISOString().slice(11, 23),
    r.node,
    r.type,
    r.channels ? r.channels.join(", ") : r.channel || "",
    r.socket_id || "",
    details(r),
  ];
  for (const [i, text] of cells.entries()) {
    const td = document.createElement("td");
    td.textContent = text;
    td.className = ["time", "node", "type", "channel", "socket", "details"][i];
    tr.append(td);
  }
  return tr;
}

function details(r) {
  switch (r.type) {
    case "connection_opened":
      return "from " + r.origin;
    case "connection_closed":
      return "code " + r.code;
    case "subscribed":
    case "unsubscribed":
      return r.user_id ? "user " + r.user_id : "";
    case "api_message":
      return `${r.event} (${r.data_size} B${r.vask_ts ? ", vask_ts " + r.vask_ts : ""}) ${r.data_preview}`;
    case "client_event":
      return r.event + (r.user_id ? " by user " + r.user_id : "");
    case "webhook":
      return `${r.events.map((e) => e.name).join(",")} → ${r.target}: ${r.status || "no response"} in ${r.latency_ms} ms (attempt ${r.attempt})`;
    case "error":
      return (r.code ? r.code + " " : "") + r.message;
    default:
      return "";
  }
}

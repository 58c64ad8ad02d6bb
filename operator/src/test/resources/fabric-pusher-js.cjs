// pusher-js client for the fabric test: subscribes, prints "subscribed", then prints each
// "headline" event as "event:<json>" and exits after the first one.
// Usage: NODE_PATH=e2e/js/node_modules node fabric-pusher-js.cjs <key> <port> <channel>
const Pusher = require("pusher-js");
const [key, port, channel] = process.argv.slice(2);
const pusher = new Pusher(key, {
  cluster: "vask",
  wsHost: "127.0.0.1",
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ["ws"],
});
const subscription = pusher.subscribe(channel);
subscription.bind("pusher:subscription_succeeded", () => console.log("subscribed"));
subscription.bind("headline", (data) => {
  console.log("event:" + JSON.stringify(data));
  pusher.disconnect();
  process.exit(0);
});
setTimeout(() => {
  console.log("timeout");
  process.exit(1);
}, 30000);

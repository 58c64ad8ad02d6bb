// The dashboard page: sign in with a bearer token, list apps, create, import, credentials, console.
import * as api from "./api.js";

const $ = (id) => document.getElementById(id);

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
}

function button(label, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", () => guarded(() => onClick(b)));
  return b;
}

function say(text, isError = false) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

/** Runs an action; a refused token sends the user back to the sign-in form. */
async function guarded(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof api.Unauthorized) {
      api.token.clear();
      showSignIn(error.message);
    } else {
      say(error.message, true);
    }
  }
}

function row(app) {
  const tr = document.createElement("tr");
  tr.dataset.app = `${app.namespace}/${app.name}`;
  const ready = `${app.ready}${app.reason ? ` (${app.reason})` : ""}`;
  [app.namespace, app.name, ready, app.websocket, app.readyReplicas]
    .forEach((text) => tr.append(cell(text)));
  tr.append(connections(app.live), cell(app.appId));
  const actions = document.createElement("td");
  actions.append(
    button("Credentials", async () => showCredentials(await api.credentials(app))),
    button("Console", async () => window.open((await api.consoleLink(app)).url, "_blank", "noopener")),
  );
  tr.append(actions);
  return tr;
}

/** The gateway's live connection count, or "—" with the reason as the tooltip. */
function connections(live) {
  const td = cell(live?.connections ?? "—");
  td.dataset.testid = "connections";
  td.className = "number";
  td.title = live?.unavailable
    ?? `cluster-wide, as pod ${live?.pod} saw it; ${live?.channels} occupied channels`;
  return td;
}

function showCredentials(c) {
  $("credentials").hidden = false;
  $("credentials").textContent =
    `${c.namespace}/${c.name} (Secret ${c.secretName})\napp_id: ${c.app_id}\nkey:    ${c.key}\nsecret: ${c.secret}`;
}

async function refresh() {
  const listed = await api.apps(new FormData($("filter")).get("namespace").trim());
  $("user").textContent = listed.user;
  $("apps").replaceChildren(...listed.apps.map(row));
  $("forbidden").textContent = listed.forbiddenNamespaces.length
    ? `Not listed (no list right): ${listed.forbiddenNamespaces.join(", ")}` : "";
}

function formJson(form) {
  const json = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    json[element.name] = element.type === "checkbox" ? element.checked : element.value.trim();
  }
  return json;
}

function onSubmit(id, action) {
  $(id).addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(() => action(event.target));
  });
}

function showSignIn(reason) {
  $("main").hidden = true;
  $("signout").hidden = true;
  $("signin").hidden = false;
  $("user").textContent = reason ?? "";
}

async function showMain() {
  $("signin").hidden = true;
  $("main").hidden = false;
  $("signout").hidden = false;
  await guarded(refresh);
}

onSubmit("signin", async (form) => {
  api.token.set(form.token.value);
  form.reset();
  await showMain();
});
onSubmit("filter", refresh);
onSubmit("create", async (form) => {
  const app = await api.createApp(formJson(form));
  form.reset();
  say(`created ${app.namespace}/${app.name}`);
  await refresh();
});
onSubmit("import", async (form) => {
  const app = await api.importCredentials(formJson(form));
  form.reset();
  say(`imported ${app.namespace}/${app.name}`);
  await refresh();
});
$("signout").addEventListener("click", () => {
  api.token.clear();
  showSignIn();
});

if (api.token.get()) {
  showMain();
} else {
  showSignIn();
}

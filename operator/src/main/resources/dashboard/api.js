// The dashboard's JSON API with the user's Kubernetes bearer token, kept in session storage.
const KEY = "vask-dashboard-token";

export class Unauthorized extends Error {}

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

/** Calls `path` and resolves its JSON; a 401 throws Unauthorized, other errors their message. */
export async function call(path, { method = "GET", body } = {}) {
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${token.get() ?? ""}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (response.status === 401) {
    throw new Unauthorized(json.error ?? "unauthorized");
  }
  if (!response.ok) {
    throw new Error(json.error ?? `HTTP ${response.status}`);
  }
  return json;
}

export const apps = (namespace) =>
  call(`api/apps${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ""}`);
export const createApp = (form) => call("api/apps", { method: "POST", body: form });
export const importCredentials = (form) => call("api/imports", { method: "POST", body: form });
export const credentials = (app) =>
  call(`api/apps/${encodeURIComponent(app.namespace)}/${encodeURIComponent(app.name)}/credentials`);
export const consoleLink = (app) =>
  call(`api/apps/${encodeURIComponent(app.namespace)}/${encodeURIComponent(app.name)}/console`);

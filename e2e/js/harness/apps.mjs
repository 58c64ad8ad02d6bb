import { randomBytes } from "node:crypto";

/**
 * An apps-file entry with fresh random credentials; `settings` are apps-file fields
 * (docs/configuration.md), e.g. `{clientEvents: true, webhooks: [...]}`.
 */
export function newApp(settings = {}) {
  const suffix = randomBytes(4).toString("hex");
  return {
    id: `app-${suffix}`,
    key: `key-${suffix}`,
    secret: randomBytes(16).toString("hex"),
    ...settings,
  };
}

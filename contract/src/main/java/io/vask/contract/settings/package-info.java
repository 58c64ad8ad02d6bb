/**
 * Settings as data: one {@link io.vask.contract.settings.Setting} declaration per environment
 * variable (name, type, default, accepted values, one doc line). Parsing, the unknown-name check,
 * defaults and the Markdown table in docs/configuration.md are all produced from the declarations,
 * so a new setting is one line in the module that reads it. Pure values, no threads.
 */
package io.vask.contract.settings;

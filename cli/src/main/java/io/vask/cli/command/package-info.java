/**
 * The commands that talk to a gateway (trigger, tail, channels, users), verify webhooks and
 * register an app; each is a picocli command returning an exit code.
 */
package io.vask.cli.command;

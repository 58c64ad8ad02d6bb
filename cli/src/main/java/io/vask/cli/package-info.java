/**
 * The {@code vask} command line: {@link io.vask.cli.Main} is the entry point, {@link
 * io.vask.cli.Vask} assembles the commands and maps failures to the documented exit codes ({@link
 * io.vask.cli.ExitCodes}, docs/cli.md). The CLI speaks only the public protocol (WebSocket and HTTP
 * API), the Kubernetes API and the apps-file contract.
 */
package io.vask.cli;

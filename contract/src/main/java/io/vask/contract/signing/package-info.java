/**
 * Pusher's signatures, shared by the gateway that checks them and every client of ours that makes
 * them (the CLI, the console, tests and benchmarks): HMAC-SHA256 and MD5 helpers, channel and user
 * auth checks, and the HTTP API request signature.
 */
package io.vask.contract.signing;

/**
 * The Pusher protocol as a client sees it: HTTP API request signing and calls, channel
 * authorization signatures, and the WebSocket subscriber behind {@code vask tail}.
 */
package io.vask.cli.pusher;

/**
 * The Pusher HTTP API (PROTOCOL.md §9): request signing, one {@code *Endpoint} per REST call, and
 * the router between them. Pure: {@link io.vask.gateway.httpapi.ApiRequest} in, {@link
 * io.vask.gateway.httpapi.ApiResponse} out, no Netty; every error is an {@link
 * io.vask.gateway.httpapi.ApiError}, also for the router and metrics port in {@code server}.
 * Endpoints run on the I/O loop that received the request and never block; cluster queries complete
 * their stage later.
 */
package io.vask.gateway.httpapi;

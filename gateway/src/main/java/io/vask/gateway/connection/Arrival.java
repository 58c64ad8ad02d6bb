package io.vask.gateway.connection;

/**
 * A socket asking to connect: the path it asked for, its {@code protocol} query parameter and
 * {@code Origin} header (null when absent), and the client address it counts against.
 */
public record Arrival(String path, String protocol, String origin, String clientAddress) {}

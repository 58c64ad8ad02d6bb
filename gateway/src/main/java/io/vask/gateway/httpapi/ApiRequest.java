package io.vask.gateway.httpapi;

/** One HTTP API request: the method, the raw path and query as sent, and the raw body. */
public record ApiRequest(String method, String rawPath, String rawQuery, byte[] body) {}

package io.vask.cli.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.cli.CliException;
import io.vask.cli.config.Endpoint;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Signed calls to a gateway's HTTP API. A refused credential (401, 403) or an unreachable server is
 * a connection error (exit 3); any other error status is a failed operation (exit 1).
 */
public final class ApiClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Endpoint endpoint;

  public ApiClient(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  public JsonNode get(String path, Map<String, String> params) {
    return send("GET", path, params, new byte[0]);
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, Map.of(), Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code /apps/{id}} plus {@code rest}; rest's segments are percent-encoded by the caller. */
  public String appPath(String rest) {
    return "/apps/" + endpoint.appId() + rest;
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, Map<String, String> params, byte[] body) {
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials(endpoint.key(), endpoint.secret()),
            method,
            path,
            params,
            body,
            Instant.now().getEpochSecond());
    URI uri = URI.create(endpoint.httpBase() + path + "?" + query);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CliException.connection("cannot reach " + endpoint.httpBase() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted");
    }
    return answer(method, path, response);
  }

  private static JsonNode answer(String method, String path, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Json.parse(response.body().isBlank() ? "{}" : response.body(), "the response");
    }
    String message = method + " " + path + " answered " + status + ": " + response.body().trim();
    if (status == 401 || status == 403) {
      throw CliException.connection(message);
    }
    throw CliException.failed(message);
  }
}

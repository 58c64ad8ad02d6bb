package io.vask.cli.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.cli.CliException;
import io.vask.cli.pusher.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The operator's registration API: {@code POST /register/challenge {user}} and {@code POST
 * /register {user, challenge, signature}}. Refusals of identity (401, 403) are connection/auth
 * errors; others (409 already registered, 429 rate limited) are failed operations.
 */
public final class RegistrationClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;

  public RegistrationClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  public String challenge(String user) {
    return post("/register/challenge", Map.of("user", user)).path("challenge").asText();
  }

  public JsonNode register(String user, String challenge, String signature) {
    return post("/register", Map.of("user", user, "challenge", challenge, "signature", signature));
  }

  private JsonNode post(String path, Map<String, String> body) {
    URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CliException.connection("cannot reach " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Json.parse(response.body(), "the registration answer");
    }
    String reason = Json.parse(response.body(), "the error").path("error").asText(response.body());
    String message = "registration refused (" + status + "): " + reason;
    throw status == 401 || status == 403
        ? CliException.connection(message)
        : CliException.failed(message);
  }
}

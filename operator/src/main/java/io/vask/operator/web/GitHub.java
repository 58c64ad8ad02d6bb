package io.vask.operator.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What GitHub (or the configured stand-in) publishes about a user: the public keys at {@code
 * keysUrl} (authorized_keys lines) and public organisation membership at {@code orgMembersUrl}.
 */
public final class GitHub {
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String keysUrl;
  private final String orgMembersUrl;

  public GitHub(String keysUrl, String orgMembersUrl) {
    this.keysUrl = keysUrl;
    this.orgMembersUrl = orgMembersUrl;
  }

  /** The key blobs {@code user} publishes; an unreachable source is a 502. */
  public List<byte[]> publishedKeys(String user) {
    HttpResponse<String> response = get(keysUrl.replace("{user}", encode(user)));
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new RegistrationRefused(
          502, "the published keys could not be fetched (" + response.statusCode() + ")");
    }
    var blobs = new ArrayList<byte[]>();
    for (String line : response.body().split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2 && !fields[0].startsWith("#")) {
        try {
          blobs.add(Base64.getDecoder().decode(fields[1]));
        } catch (IllegalArgumentException e) {
          // not a key line: skipped
        }
      }
    }
    return blobs;
  }

  /** Whether {@code user} is a public member of {@code org}. */
  public boolean isMember(String org, String user) {
    String url = orgMembersUrl.replace("{org}", encode(org)).replace("{user}", encode(user));
    int status = get(url).statusCode();
    return status >= 200 && status < 300;
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RegistrationRefused(502, "cannot reach " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrationRefused(503, "interrupted");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

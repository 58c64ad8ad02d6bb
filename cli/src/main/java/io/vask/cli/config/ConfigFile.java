package io.vask.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vask.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config file: {@code {"appId", "key", "secret", "host", "port", "scheme"}}, every field
 * optional. Unknown fields are refused, so a typo does not silently fall back to a default.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConfigFile(
    String appId, String key, String secret, String host, Integer port, String scheme) {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null);

  /** Reads {@code path}; a missing or malformed file is a usage error. */
  public static ConfigFile read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw CliException.usage("config file " + path + " does not exist");
    }
    try {
      ConfigFile file = MAPPER.readValue(path.toFile(), ConfigFile.class);
      return file == null ? EMPTY : file;
    } catch (IOException e) {
      throw CliException.usage("config file " + path + " is invalid: " + e.getMessage());
    }
  }
}

package io.vask.cli.pusher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vask.cli.CliException;
import java.io.UncheckedIOException;

/** The CLI's one JSON mapper: compact output, one value per line. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses text the user gave; malformed JSON is an invalid input (exit 1). */
  public static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.failed(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}

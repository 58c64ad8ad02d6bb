package io.vask.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the apps file. Writing is deterministic (sorted properties and map keys), so the
 * operator can hash the rendered text and roll pods only when it really changed.
 */
public final class AppsFileCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private AppsFileCodec() {}

  /** Parses apps-file JSON; a syntax or type error becomes an {@link InvalidAppsFile}. */
  public static AppsFile parse(byte[] json) {
    try {
      AppsFile file = MAPPER.readValue(json, AppsFile.class);
      if (file == null) {
        throw new InvalidAppsFile(List.of("the apps file is empty"));
      }
      return file;
    } catch (JsonProcessingException e) {
      throw new InvalidAppsFile(
          List.of("the apps file is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidAppsFile(List.of("the apps file cannot be read: " + e));
    }
  }

  /** Reads, parses and validates a file; every problem is listed in the exception. */
  public static AppsFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new InvalidAppsFile(List.of("cannot read apps file " + path + ": " + e));
    }
    AppsFile file = parse(bytes);
    var problems = AppsFileValidator.problems(file);
    if (!problems.isEmpty()) {
      throw new InvalidAppsFile(problems);
    }
    return file;
  }

  /** Renders the file as compact, deterministic JSON. */
  public static String render(AppsFile file) {
    try {
      return MAPPER.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] renderBytes(AppsFile file) {
    return render(file).getBytes(StandardCharsets.UTF_8);
  }

  /** Raised with the list of every problem found in an apps file. */
  public static final class InvalidAppsFile extends RuntimeException {
    private final List<String> problems;

    public InvalidAppsFile(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}

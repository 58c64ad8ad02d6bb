package io.vask.contract.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a Markdown file between {@code <!-- generated:NAME -->} and {@code <!--
 * end:generated:NAME -->} markers, so a test can compare it with what the declarations produce and
 * rewrite it on request.
 */
public record GeneratedSection(Path file, String name) {

  public String begin() {
    return "<!-- generated:" + name + " -->\n";
  }

  public String end() {
    return "<!-- end:generated:" + name + " -->";
  }

  /** The text between the markers, as committed. */
  public String current() {
    String text = read();
    int start = text.indexOf(begin());
    int stop = text.indexOf(end());
    if (start < 0 || stop < start) {
      throw new IllegalStateException(file + " lacks the markers " + begin().trim() + " " + end());
    }
    return text.substring(start + begin().length(), stop);
  }

  /** Replaces the text between the markers. */
  public void rewrite(String content) {
    String text = read();
    String updated = text.replace(begin() + current(), begin() + content);
    try {
      Files.writeString(file, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

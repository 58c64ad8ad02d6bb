package io.vask.gateway.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error message with named placeholders ({@code "Existing subscription to channel {channel}"}),
 * filled in the order they appear. The names document the arguments; the text between them is sent
 * exactly as written.
 */
public final class MessageTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private final String text;
  private final List<String> literals = new ArrayList<>();
  private final List<String> parameters = new ArrayList<>();

  public MessageTemplate(String text) {
    this.text = text;
    Matcher placeholder = PLACEHOLDER.matcher(text);
    int from = 0;
    while (placeholder.find()) {
      literals.add(text.substring(from, placeholder.start()));
      parameters.add(placeholder.group(1));
      from = placeholder.end();
    }
    literals.add(text.substring(from));
  }

  /** The template as written, placeholders included. */
  public String text() {
    return text;
  }

  /** The placeholder names, in order. */
  public List<String> parameters() {
    return List.copyOf(parameters);
  }

  /** The message with each placeholder replaced by the argument at its position. */
  public String fill(Object... args) {
    if (args.length != parameters.size()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" takes " + parameters + ", got " + args.length + " argument(s)");
    }
    StringBuilder out = new StringBuilder(text.length() + 32).append(literals.get(0));
    for (int i = 0; i < args.length; i++) {
      out.append(args[i]).append(literals.get(i + 1));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}

package io.vask.contract;

import java.util.List;
import java.util.Map;

/**
 * One webhook target: where to POST, which event types, and an optional channel-name prefix filter.
 * {@code headers} are extra plain headers sent with every request.
 */
public record WebhookSettings(
    String url, List<String> events, String channelPrefix, Map<String, String> headers) {

  public WebhookSettings {
    events = events == null ? List.of() : List.copyOf(events);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** Whether an event of this type on this channel goes to this webhook. */
  public boolean accepts(String eventName, String channel) {
    return events.contains(eventName)
        && (channelPrefix == null || channelPrefix.isEmpty() || channel.startsWith(channelPrefix));
  }
}

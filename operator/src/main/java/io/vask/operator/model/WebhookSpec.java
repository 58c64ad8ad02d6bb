package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.vask.contract.rules.WebhookUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One webhook target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookSpec {
  public static final String URL_PATTERN = WebhookUrl.PATTERN;

  @Required
  @Pattern(URL_PATTERN)
  @JsonPropertyDescription("http:// or https:// URL the gateway POSTs batches of events to.")
  public String url;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Event types sent to this URL (at least one).")
  public List<WebhookEvent> events = new ArrayList<>();

  @JsonPropertyDescription("Only events on channels whose name starts with this prefix.")
  public String channelPrefix;

  @JsonPropertyDescription("Extra plain (non-secret) HTTP headers sent with every request.")
  public Map<String, String> headers = new LinkedHashMap<>();

  @JsonPropertyDescription(
      "Secret-valued HTTP headers: each key of the Secret is a header; a key also in headers"
          + " wins over it. Re-read within 15 seconds, so a rotation needs no restart.")
  public WebhookHeadersFrom headersFrom;

  public WebhookSpec() {}

  public WebhookSpec(String url, List<WebhookEvent> events) {
    this.url = url;
    this.events = new ArrayList<>(events);
  }
}

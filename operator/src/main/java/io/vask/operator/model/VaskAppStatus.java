package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator observed. Value equality lets the reconciler skip the status patch when nothing
 * changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VaskAppStatus {
  @JsonPropertyDescription("metadata.generation of the spec this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Gateway pods that pass their readiness probe.")
  public Integer readyReplicas;

  public Endpoints endpoints;

  @JsonPropertyDescription("Secret holding app_id, key and secret.")
  public String credentialsSecret;

  @JsonPropertyDescription("Pusher app id (not secret).")
  public String appId;

  @JsonPropertyDescription("Pusher app key (public: clients embed it).")
  public String key;

  @JsonPropertyDescription("Ready, Progressing and Degraded, each with a reason.")
  public List<Condition> conditions = new ArrayList<>();

  public Optional<Condition> condition(String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  @JsonIgnore
  public boolean isReady() {
    return condition("Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VaskAppStatus other
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(readyReplicas, other.readyReplicas)
        && Objects.equals(endpoints, other.endpoints)
        && Objects.equals(credentialsSecret, other.credentialsSecret)
        && Objects.equals(appId, other.appId)
        && Objects.equals(key, other.key)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        observedGeneration, readyReplicas, endpoints, credentialsSecret, appId, key, conditions);
  }
}

package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** One REST call of the HTTP API. */
interface Endpoint {
  /**
   * Handles an authenticated request; {@code pathParams} are the decoded path segments after the
   * app id, {@code query} the verified query parameters.
   */
  CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query);
}

package io.vask.operator.dashboard;

/**
 * An app's live figures as its gateway's console API reported them ({@code GET
 * /console/api/stats}), or why there are none.
 *
 * @param connections open connections, cluster-wide
 * @param channels occupied channels, cluster-wide
 * @param pod the gateway pod that answered
 * @param unavailable why the figures are missing; null when they are there
 */
public record AppFigures(Long connections, Long channels, String pod, String unavailable) {

  static AppFigures unavailable(String reason) {
    return new AppFigures(null, null, null, reason);
  }
}

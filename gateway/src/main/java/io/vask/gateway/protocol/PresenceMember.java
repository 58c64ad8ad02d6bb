package io.vask.gateway.protocol;

/**
 * One presence member: the user id (always a string on the wire) and the compact JSON text of its
 * {@code user_info}, {@code {}} when none was given.
 */
public record PresenceMember(String userId, String userInfoJson) {
  public static final int MAX_USER_ID_LENGTH = 128;
  public static final int MAX_USER_INFO_BYTES = 1024;

  public PresenceMember {
    if (userInfoJson == null) {
      userInfoJson = "{}";
    }
  }
}

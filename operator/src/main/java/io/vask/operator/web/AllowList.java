package io.vask.operator.web;

import java.util.Locale;
import java.util.Set;

/** Who may register: listed GitHub users, and public members of listed {@code org:NAME}s. */
public final class AllowList {
  private final Set<String> entries;
  private final GitHub gitHub;

  public AllowList(Set<String> entries, GitHub gitHub) {
    this.entries = entries;
    this.gitHub = gitHub;
  }

  public void check(String user) {
    String name = user.toLowerCase(Locale.ROOT);
    if (entries.contains(name)) {
      return;
    }
    for (String entry : entries) {
      if (entry.startsWith("org:") && gitHub.isMember(entry.substring(4), user)) {
        return;
      }
    }
    throw new RegistrationRefused(403, "GitHub user " + user + " is not allowed to register");
  }
}

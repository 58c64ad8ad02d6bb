package io.vask.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vask.contract.AppsFileCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of the apps file, including Kubernetes-style symlink swaps and broken files. */
class FileAppRegistryTest {
  @TempDir Path dir;

  @Test
  void reloadsChangedContentAndKeepsTheLastGoodFile() throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "{\"apps\":[{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s\"}]}");
    try (FileAppRegistry registry = new FileAppRegistry(file, 20)) {
      assertThat(registry.byKey("k1")).isPresent();

      Files.writeString(
          file,
          "{\"apps\":[{\"id\":\"1\",\"key\":\"k2\",\"secret\":\"s\",\"clientEvents\":true}]}");
      await().atMost(Duration.ofSeconds(5)).until(() -> registry.byKey("k2").isPresent());
      assertThat(registry.byKey("k1")).isEmpty();
      assertThat(registry.byIdOrKey("1").orElseThrow().features().clientEvents()).isTrue();

      Files.writeString(file, "{\"apps\":[{\"id\":\"1\"");
      await().atMost(Duration.ofSeconds(5)).until(() -> registry.failedReloads() > 0);
      assertThat(registry.byKey("k2")).isPresent();
    }
  }

  @Test
  void followsASymlinkSwapLikeAMountedSecret() throws Exception {
    Path v1 = Files.createDirectory(dir.resolve("v1"));
    Path v2 = Files.createDirectory(dir.resolve("v2"));
    Files.writeString(
        v1.resolve("apps.json"), "{\"apps\":[{\"id\":\"1\",\"key\":\"old\",\"secret\":\"s\"}]}");
    Files.writeString(
        v2.resolve("apps.json"), "{\"apps\":[{\"id\":\"1\",\"key\":\"new\",\"secret\":\"s\"}]}");
    Path data = Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Path file = Files.createSymbolicLink(dir.resolve("apps.json"), Path.of("..data/apps.json"));
    try (FileAppRegistry registry = new FileAppRegistry(file, 20)) {
      assertThat(registry.byKey("old")).isPresent();
      Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
      Files.move(
          tmp,
          data,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      await().atMost(Duration.ofSeconds(5)).until(() -> registry.byKey("new").isPresent());
    }
  }

  @Test
  void aBrokenFileAtStartFailsWithEveryProblem() throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "{\"apps\":[{\"id\":\"\",\"key\":\"k\",\"secret\":\"\"}]}");
    assertThatThrownBy(() -> new FileAppRegistry(file, 20))
        .isInstanceOfSatisfying(
            AppsFileCodec.InvalidAppsFile.class, e -> assertThat(e.problems()).hasSize(2));
  }
}

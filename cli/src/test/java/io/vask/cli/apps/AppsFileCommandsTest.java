package io.vask.cli.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vask.cli.ExitCodes;
import io.vask.cli.support.CliRun;
import io.vask.contract.AppSettings;
import io.vask.contract.AppsFileCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vask apps --apps-file: the file stays valid for the gateway after every edit. */
class AppsFileCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void createGeneratesStrongCredentialsAndListShowsThem() throws Exception {
    Path file = dir.resolve("apps.json");

    var first = CliRun.run(Map.of(), "apps", "create", "--apps-file", file.toString());
    var second = CliRun.run(Map.of(), "apps", "create", "chat", "--apps-file", file.toString());
    var list = CliRun.run(Map.of(), "apps", "list", "--apps-file", file.toString());

    assertThat(first.code()).as(first.err()).isZero();
    JsonNode created = JSON.readTree(first.out());
    assertThat(created.get("key").asText()).matches("[0-9a-f]{20}");
    assertThat(created.get("secret").asText()).matches("[0-9a-f]{40}");
    assertThat(JSON.readTree(second.out()).get("app_id").asText()).isEqualTo("chat");
    assertThat(AppsFileCodec.read(file).apps())
        .extracting(AppSettings::id)
        .containsExactly(created.get("app_id").asText(), "chat");
    assertThat(list.out().strip().split("\n")).hasSize(2);
    assertThat(JSON.readTree(list.out().split("\n")[1]).get("key").asText())
        .isEqualTo(JSON.readTree(second.out()).get("key").asText());
  }

  @Test
  void importAddsExistingCredentialsAndCredentialsReadsThemBack() throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(
        file, "{\"apps\":[{\"id\":\"1\",\"key\":\"old-key\",\"secret\":\"old-secret\"}]}");
    var env = Map.of("PUSHER_APP_ID", "42", "PUSHER_APP_KEY", "k42", "PUSHER_APP_SECRET", "s42");

    var imported = CliRun.run(env, "apps", "import", "--apps-file", file.toString());
    var json = CliRun.run(Map.of(), "apps", "credentials", "42", "--apps-file", file.toString());
    var byKey =
        CliRun.run(
            Map.of(),
            "apps",
            "credentials",
            "old-key",
            "--format",
            "env",
            "--apps-file",
            file.toString());

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(JSON.readTree(json.out()))
        .isEqualTo(JSON.readTree("{\"app_id\":\"42\",\"key\":\"k42\",\"secret\":\"s42\"}"));
    assertThat(byKey.out())
        .isEqualTo("PUSHER_APP_ID=1\nPUSHER_APP_KEY=old-key\nPUSHER_APP_SECRET=old-secret\n");
    assertThat(AppsFileCodec.read(file).apps()).hasSize(2);
  }

  @Test
  void aDuplicateOrAnUnknownAppFailsAndLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("apps.json");
    String original = "{\"apps\":[{\"id\":\"1\",\"key\":\"k\",\"secret\":\"s\"}]}";
    Files.writeString(file, original);

    var duplicate =
        CliRun.run(
            Map.of(),
            "apps",
            "import",
            "--app-id",
            "2",
            "--key",
            "k",
            "--secret",
            "x",
            "--apps-file",
            file.toString());
    var unknown = CliRun.run(Map.of(), "apps", "credentials", "9", "--apps-file", file.toString());

    assertThat(duplicate.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(duplicate.err()).contains("is used by another app");
    assertThat(unknown.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(Files.readString(file)).isEqualTo(original);
  }
}

package io.vask.contract.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingCatalogTest {
  static final Setting<Integer> PORT = Setting.of("X_PORT", SettingType.port(), 6001, "the port");
  static final Setting<String> FORMAT =
      Setting.of("X_FORMAT", SettingType.oneOf(List.of("text", "json"), false), "text", "format");
  static final Setting<String> LEVEL =
      Setting.of("X_LEVEL", SettingType.oneOf(List.of("info", "debug"), true), "info", "level");
  static final Setting<Boolean> FLAG = Setting.of("X_FLAG", SettingType.flag(), true, "a flag");
  static final Setting<String> NAME =
      Setting.of("X_NAME", SettingType.text(), null, "a name").defaultShownAs("random");
  static final SettingCatalog CATALOG = SettingCatalog.of("X_", PORT, FORMAT, LEVEL, FLAG, NAME);

  @Test
  void unsetAndBlankSettingsTakeTheirDefaults() {
    SettingValues values = CATALOG.read(Map.of("X_PORT", "  ", "OTHER", "1")).valuesOrThrow();
    assertThat(values.get(PORT)).isEqualTo(6001);
    assertThat(values.get(FORMAT)).isEqualTo("text");
    assertThat(values.get(NAME)).isNull();
    assertThat(values.named(PORT)).isTrue();
    assertThat(values.named(FORMAT)).isFalse();
  }

  @Test
  void valuesAreTrimmedAndParsed() {
    SettingValues values =
        CATALOG
            .read(Map.of("X_PORT", " 80 ", "X_LEVEL", "DEBUG", "X_FLAG", "FALSE", "X_NAME", "n"))
            .valuesOrThrow();
    assertThat(values.get(PORT)).isEqualTo(80);
    assertThat(values.get(LEVEL)).isEqualTo("debug");
    assertThat(values.get(FLAG)).isFalse();
    assertThat(values.get(NAME)).isEqualTo("n");
  }

  @Test
  void everyProblemIsListedUnknownNamesLast() {
    assertThatThrownBy(
            () ->
                CATALOG
                    .read(
                        Map.of(
                            "X_PORT", "70000",
                            "X_FORMAT", "JSON",
                            "X_FLAG", "yes",
                            "X_TYPO", "1",
                            "X_ALSO", "2"))
                    .valuesOrThrow())
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "X_PORT=70000 is invalid (expected 0..65535)",
                        "X_FORMAT=JSON is invalid (expected one of [text, json])",
                        "X_FLAG=yes is invalid (expected true or false)",
                        "X_ALSO is not a known setting (see docs/configuration.md)",
                        "X_TYPO is not a known setting (see docs/configuration.md)"));
  }

  @Test
  void aNameDeclaredTwiceIsRefused() {
    assertThatThrownBy(() -> SettingCatalog.of("X_", PORT, PORT))
        .hasMessageContaining("X_PORT is declared twice");
  }

  @Test
  void theTableHasOneRowPerDeclaration() {
    assertThat(CATALOG.markdownTable())
        .isEqualTo(
            "| variable | default | accepted | meaning |\n"
                + "|---|---|---|---|\n"
                + "| `X_PORT` | `6001` | 0..65535 | the port |\n"
                + "| `X_FORMAT` | `text` | `text`, `json` | format |\n"
                + "| `X_LEVEL` | `info` | `info`, `debug` | level |\n"
                + "| `X_FLAG` | `true` | `true`, `false` | a flag |\n"
                + "| `X_NAME` | random | text | a name |\n");
  }

  @Test
  void aGeneratedSectionIsReadAndRewrittenBetweenItsMarkers(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, "# T\n<!-- generated:x -->\nold\n<!-- end:generated:x -->\nafter\n");
    GeneratedSection section = new GeneratedSection(doc, "x");
    assertThat(section.current()).isEqualTo("old\n");
    section.rewrite("new\n");
    assertThat(Files.readString(doc))
        .isEqualTo("# T\n<!-- generated:x -->\nnew\n<!-- end:generated:x -->\nafter\n");
  }
}

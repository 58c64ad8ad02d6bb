package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.settings.GeneratedSection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md shows the table the declarations produce. After changing a declaration, run
 * {@code mvn -o test -pl operator -am -Dtest=OperatorSettingsDocTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dvask.docs.update=true} to rewrite it.
 */
class OperatorSettingsDocTest {
  static final Path DOC = Path.of("..", "docs", "configuration.md").toAbsolutePath().normalize();

  @Test
  void theDocsTableIsTheDeclarations() {
    GeneratedSection section = new GeneratedSection(DOC, "operator-settings");
    String table = OperatorSettings.CATALOG.markdownTable();
    if (Boolean.getBoolean("vask.docs.update")) {
      section.rewrite(table);
    }
    assertThat(section.current())
        .as("%s is stale: rerun with -Dvask.docs.update=true (see this test's comment)", DOC)
        .isEqualTo(table);
  }
}

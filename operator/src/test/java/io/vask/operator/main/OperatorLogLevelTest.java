package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * VASK_LOG_LEVEL is declared (so checked), and the operator's logback.xml takes its level from it.
 */
class OperatorLogLevelTest {

  @Test
  void debugIsEnabledWhenAskedFor() throws Exception {
    var settings = OperatorSettings.from(Map.of("VASK_LOG_LEVEL", "DEBUG"));
    assertThat(settings.logLevel()).isEqualTo("debug");
    assertThat(rootLevelWith(settings.logLevel())).isEqualTo(Level.DEBUG);
    assertThat(rootLevelWith(OperatorSettings.from(Map.of()).logLevel())).isEqualTo(Level.INFO);
  }

  /** Loads the operator's own logback.xml (not the tests') into a fresh context. */
  private static Level rootLevelWith(String level) throws Exception {
    URL config = OperatorSettings.class.getClassLoader().getResource("logback.xml");
    assertThat(config).isNotNull();
    var context = new LoggerContext();
    context.putProperty("VASK_LOG_LEVEL", level);
    var configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    return context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
  }
}

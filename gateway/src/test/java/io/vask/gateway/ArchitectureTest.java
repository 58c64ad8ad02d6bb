package io.vask.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of ARCHITECTURE.md §1: Pusher rules are plain Java, only {@code server}
 * imports Netty and only {@code cluster.nats} imports NATS.
 */
class ArchitectureTest {
  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.vask.gateway");

  @Test
  void onlyTheServerPackageImportsNetty() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.vask.gateway.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .check(GATEWAY);
  }

  @Test
  void onlyTheNatsPackageImportsNats() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.vask.gateway.cluster.nats..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.nats..")
        .check(GATEWAY);
  }

  @Test
  void protocolDependsOnNothingOfTheGateway() {
    noClasses()
        .that()
        .resideInAPackage("io.vask.gateway.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vask.gateway.channel..",
            "io.vask.gateway.server..",
            "io.vask.gateway.cluster..",
            "io.vask.gateway.httpapi..",
            "io.vask.gateway.user..",
            "io.vask.gateway.webhook..")
        .check(GATEWAY);
  }

  @Test
  void clusterInterfacesDoNotReachUp() {
    noClasses()
        .that()
        .resideInAPackage("io.vask.gateway.cluster..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vask.gateway.channel..", "io.vask.gateway.server..", "io.vask.gateway.httpapi..")
        .check(GATEWAY);
  }
}

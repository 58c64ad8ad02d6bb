package io.vask.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vask.gateway.httpapi.ApiResponse;
import io.vask.gateway.protocol.PusherError;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two error catalogs the only source of what clients are told: a {@code pusher:error} is
 * made only from a {@link PusherError} entry, an HTTP response only through {@link ApiResponse}
 * (errors from {@code ApiError}), and only one class hands statuses to Netty.
 */
class ErrorCatalogRulesTest {
  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.vask.gateway");

  @Test
  void onlyTheCatalogMakesPusherErrorMessages() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(PusherError.class)
        .should()
        .callConstructor(PusherError.Message.class, PusherError.class, String.class)
        .because("every error text sent over a socket belongs in the PusherError catalog")
        .check(GATEWAY);
  }

  @Test
  void onlyApiResponseChoosesAStatus() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(ApiResponse.class)
        .should()
        .callConstructor(ApiResponse.class, int.class, String.class)
        .because("error statuses come from ApiError, the others are named in ApiResponse")
        .check(GATEWAY);
  }

  @Test
  void onlyHttpResponsesTurnsStatusesIntoNettyOnes() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("io.vask.gateway.server.HttpResponses")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.netty.handler.codec.http.HttpResponseStatus")
        .because("every HTTP answer is an ApiResponse, sent by HttpResponses")
        .check(GATEWAY);
  }
}

package io.vask.cli.apps;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vask.cli.CliException;
import io.vask.cli.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code vask apps} works: {@code --apps-file}, or Kubernetes through a kubeconfig. */
public final class AppsTarget {
  @Option(
      names = "--apps-file",
      paramLabel = "PATH",
      description = "Edit this local apps file instead of Kubernetes.")
  Path appsFile;

  @Option(
      names = {"-n", "--namespace"},
      description = "Kubernetes namespace (default: the kubeconfig's, else default).")
  String namespace;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", description = "Kubeconfig context (default: the current one).")
  String context;

  AppStore open(Console console) {
    if (appsFile != null) {
      if (namespace != null || kubeconfig != null || context != null) {
        throw CliException.usage("--apps-file cannot be combined with Kubernetes options");
      }
      return new AppsFileApps(appsFile);
    }
    Config config = config(console);
    String ns = namespace != null ? namespace : config.getNamespace();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    return new KubernetesApps(client, ns == null ? "default" : ns);
  }

  private Config config(Console console) {
    Path file =
        kubeconfig != null ? kubeconfig : console.variable("KUBECONFIG").map(Path::of).orElse(null);
    if (file == null) {
      return context == null ? Config.autoConfigure(null) : Config.autoConfigure(context);
    }
    if (!Files.isRegularFile(file)) {
      throw CliException.usage("kubeconfig " + file + " does not exist");
    }
    try {
      return Config.fromKubeconfig(context, Files.readString(file), file.toString());
    } catch (IOException e) {
      throw CliException.usage("cannot read kubeconfig " + file + ": " + e.getMessage());
    }
  }
}

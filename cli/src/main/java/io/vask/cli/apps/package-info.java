/**
 * {@code vask apps}: list, create, import and read the credentials of apps, either VaskApp
 * resources on Kubernetes ({@link io.vask.cli.apps.KubernetesApps}) or a local apps file ({@link
 * io.vask.cli.apps.AppsFileApps}), behind one {@link io.vask.cli.apps.AppStore}.
 */
package io.vask.cli.apps;

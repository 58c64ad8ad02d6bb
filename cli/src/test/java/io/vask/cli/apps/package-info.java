/** vask apps against a local apps file and the Kubernetes API-server mock. */
package io.vask.cli.apps;

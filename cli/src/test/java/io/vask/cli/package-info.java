/**
 * The vask CLI against real gateway processes (the *IT classes), the Kubernetes API-server mock and
 * local files; every command runs through {@link io.vask.cli.Vask#run} as the jar would.
 */
package io.vask.cli;

/** Test fixtures: the CLI run in-process with its own environment, and a real gateway process. */
package io.vask.cli.support;

/** Tests of where credentials come from. */
package io.vask.cli.config;

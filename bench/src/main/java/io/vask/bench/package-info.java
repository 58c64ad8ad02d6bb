/** The benchmark tool's entry point: ceiling server, single scenarios, the standard suite, JMH. */
package io.vask.bench;

/**
 * JMH microbenchmarks of the gateway's hot paths, run in-JVM against the gateway's own classes:
 * {@code java -jar bench/target/vask-bench.jar jmh [JMH options]}.
 */
package io.vask.bench.jmh;

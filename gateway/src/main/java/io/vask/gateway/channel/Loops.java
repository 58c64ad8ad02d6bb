package io.vask.gateway.channel;

import java.util.concurrent.Executor;

/** The node's I/O loops, by index, so fan-out can hand work to each loop once. */
public interface Loops {
  int count();

  Executor executor(int index);
}

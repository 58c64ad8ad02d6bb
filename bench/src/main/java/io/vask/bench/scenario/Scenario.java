package io.vask.bench.scenario;

/** One load scenario against one target; bounded in time, returns its result line. */
public interface Scenario {
  ResultLine run(Target target, Options options) throws Exception;
}

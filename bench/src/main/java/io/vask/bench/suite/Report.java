package io.vask.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vask.bench.scenario.ResultLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Redraws the charts and summary.md from a results.json (e.g. after editing the chart code). */
public final class Report {
  private Report() {}

  @SuppressWarnings("unchecked")
  public static int run(Path resultsJson, Path out) throws Exception {
    Map<String, Object> doc = new ObjectMapper().readValue(resultsJson.toFile(), Map.class);
    List<ResultLine> lines = new ArrayList<>();
    for (Map<String, Object> fields : (List<Map<String, Object>>) doc.get("results")) {
      lines.add(ResultLine.of(fields));
    }
    Verdicts.addCeilingFractions(lines);
    Charts.write(lines, out);
    Summary.write(lines, Verdicts.targets(lines), out.resolve("summary.md"));
    return 0;
  }
}

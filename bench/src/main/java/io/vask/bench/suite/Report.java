package io.vask.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vask.bench.scenario.ResultLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redraws the charts and summary.md from a results.json and recomputes its verdicts (e.g. after
 * editing the chart code or a verdict rule).
 */
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
    List<Map<String, Object>> targets = Verdicts.targets(lines);
    Summary.write(lines, targets, out.resolve("summary.md"));
    UnitCosts.write(
        lines,
        String.valueOf(doc.get("started")),
        Boolean.TRUE.equals(doc.get("quick")),
        out.resolve("unit-costs.json"));
    // the verdicts are derived: keep results.json's copy in step with the rules that made them
    doc.put("targets", targets);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(resultsJson.toFile(), doc);
    return 0;
  }
}

package oomlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the results folder as one table, scenario × configuration × JDK: verdict, time to exit, peak,
 * CPU, CPU per unit of work (and its ratio to the scenario's first configuration on the same JDK), and
 * the NMT category that grew most. Reads every result.json under the folder, so runs of several
 * invocations add up. Run: {@code mvn -q compile exec:java} from the project root.
 */
public final class SummaryTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryTable() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/oomlab");
        if (!Files.isDirectory(root)) {
            System.err.println("No results under " + root.toAbsolutePath() + ": run `mvn test` first.");
            System.exit(1);
        }
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("result.json")).toList()) {
                results.add(JSON.readTree(file.toFile()));
            }
        }
        results.sort(Comparator.comparing((JsonNode r) -> r.path("scenario").asText())
                .thenComparing(r -> r.path("jdkMajor").asInt())
                .thenComparing(r -> r.path("startedAt").asText()));
        System.out.println("| scenario | config | JDK | verdict | expected | exit s | peak MB | peak/cap | CPU s"
                + " | CPU ms/unit | vs first | work | grew most (NMT) | unexplained MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        String baselineKey = "";
        double baseline = Double.NaN;
        for (JsonNode r : results) {
            String key = r.path("scenario").asText() + "/" + r.path("jdkMajor").asInt();
            double perUnit = r.path("cpuSecondsPerUnit").isNumber() ? r.path("cpuSecondsPerUnit").asDouble() : Double.NaN;
            if (!key.equals(baselineKey)) {
                baselineKey = key;
                baseline = perUnit;
            }
            JsonNode work = r.path("work");
            String workText = work.isObject() ? work.path("ops").asLong() + " " + work.path("unit").asText()
                    + (work.path("complete").asBoolean() ? "" : " (killed)") : "-";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %d | %.0f%% | %.1f | %s | %s | %s | %s | %d |%n",
                    r.path("scenario").asText(), r.path("config").asText(), r.path("jdk").asText(),
                    r.path("verdict").asText(), r.path("expectedVerdict").isNull() ? "REPORT" : r.path("expectedVerdict").asText(),
                    r.path("timeToExitMs").asLong() / 1000.0, r.path("peakBytes").asLong() >> 20,
                    r.path("peakOfCap").asDouble() * 100, r.path("cpuSeconds").asDouble(),
                    Double.isNaN(perUnit) ? "-" : String.format(Locale.ROOT, "%.3f", perUnit * 1000),
                    Double.isNaN(perUnit) || Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%.2f×", perUnit / baseline),
                    workText, r.path("dominantNmtGrowth").asText("-"), r.path("unexplainedBytes").asLong() >> 20);
        }
    }
}

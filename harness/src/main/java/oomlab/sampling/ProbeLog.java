package oomlab.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The probe's lines, read back after the run. A line cut short by SIGKILL is skipped, not fatal. */
public record ProbeLog(List<ProbeLine> lines) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProbeLog read(Path jsonl) throws IOException {
        List<ProbeLine> lines = new ArrayList<>();
        if (Files.exists(jsonl)) {
            for (String text : Files.readAllLines(jsonl)) {
                try {
                    lines.add(JSON.readValue(text, ProbeLine.class));
                } catch (JsonProcessingException e) {
                    // the kill landed mid-line: every earlier line is whole, which is what counts
                }
            }
        }
        return new ProbeLog(List.copyOf(lines));
    }

    public Optional<ProbeLine> first() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    public Optional<ProbeLine> last() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    public Optional<String> jdk() {
        return lines.stream().map(ProbeLine::jdk).filter(v -> v != null && !v.isEmpty()).findFirst();
    }
}

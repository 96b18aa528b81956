package oomlab.examples.quotes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot web service, as a team's would be: quotes rendered on demand and kept in an LRU cache of
 * {@code quotes.cache-entries} entries of about 16 KB each, so its heap grows with the cache until the cache is
 * full. {@code GET /quote/{n}} answers one quote.
 */
@SpringBootApplication
@RestController
public class QuotesApplication {
    private final Map<Integer, String> cache;

    public QuotesApplication(@Value("${quotes.cache-entries:2000}") int entries) {
        if (entries <= 0) {
            // a mistake in the service's own settings: it fails at start-up, as services do
            throw new IllegalStateException("quotes.cache-entries must be > 0, was " + entries);
        }
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
                return size() > entries;
            }
        });
    }

    public static void main(String[] args) {
        SpringApplication.run(QuotesApplication.class, args);
    }

    @GetMapping("/quote/{n}")
    public String quote(@PathVariable int n) {
        return cache.computeIfAbsent(n, QuotesApplication::render);
    }

    /** About 16 KB of text, different for every n. */
    static String render(int n) {
        StringBuilder text = new StringBuilder(16 * 1024);
        long seed = n * 2654435761L;
        while (text.length() < 16 * 1024) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            text.append("quote ").append(n).append(": ").append(Long.toHexString(seed)).append('\n');
        }
        return text.toString();
    }
}

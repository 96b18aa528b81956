package oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import oomlab.result.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real headless Chromium (Debian's, see scripts/ensure-browser.sh): every chart drawn by
 * ECharts with the right number of series, no error on the page, and no request beyond the file itself.
 * Without chromium it skips, except under CI=true, where it must run.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path root;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI=true but no " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": scripts/ensure-browser.sh should have installed them");
        }
        if (!present) { // a skip says why, in one line, where the build's output is read
            System.out.println("[oomlab] ReportBrowserTest skipped: no chromium and chromedriver here (apt-get install"
                    + " chromium chromium-driver)");
        }
        assumeTrue(present, "no chromium and chromedriver here (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1300,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL); // the DevTools network events: every request the page makes
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyChartIsDrawnWithItsSeriesAndThePageNeedsNothingButItself() throws IOException {
        List<RunResult> results = ReportFolderFixture.write(root);
        Path report = Outputs.writeRuns(root, results);

        browser.get(report.toUri().toString());
        await("the report's script to finish").atMost(Duration.ofSeconds(20)).until(() -> browser.executeScript(
                "return document.body.getAttribute('data-charts-drawn') || (window.oomlabErrors || []).length")
                != null);

        // what ECharts itself holds for each chart element, and what it drew into the page (SVG paths)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('.chart')).map(function (el) {
                  var chart = window.echarts && echarts.getInstanceByDom(el);
                  return { id: el.id, series: chart ? chart.getOption().series.length : 0,
                           paths: el.querySelectorAll('svg path').length };
                });""");
        int categories = ReportFolderFixture.NMT_CATEGORIES.size();
        assertThat(charts).as("the cures, the scenario's curves beside its CPU and p99, its refaults, one NMT chart"
                + " per run").hasSize(4 + results.size());
        assertThat(charts.get(0)).as("the Cures chart: the survivors, the killed, the intervals")
                .containsEntry("id", "curves-0-cures").containsEntry("series", 3L);
        assertThat(charts.get(1)).as("the scenario's curves: one series per run, and the cap/heap lines")
                .containsEntry("id", "curves-0").containsEntry("series", (long) results.size() + 1);
        assertThat(charts.get(2)).as("beside the curves, each run's CPU and p99 over time")
                .containsEntry("id", "curves-0-service").containsEntry("series", 2L * results.size());
        assertThat(charts.get(3)).as("under the curves, the file pages re-read: one series per run")
                .containsEntry("id", "curves-0-refaults").containsEntry("series", (long) results.size());
        // the Cures chart drew its two points (a survivor, a killed one) and the survivor's interval bar
        assertThat((Long) browser.executeScript("return document.querySelectorAll('#curves-0-cures svg path').length"))
                .isGreaterThan(20);
        assertThat(browser.findElement(org.openqa.selenium.By.id("curves-0-headline")).getText())
                .startsWith("c2 was OOM-killed after").contains("Cheapest surviving cure for c2: cure-no-concat-opt")
                .contains("-XX:-OptimizeStringConcat");
        int named = oomlab.analysis.RunCurves.NMT_CATEGORIES;
        for (Map<String, Object> nmt : charts.subList(4, charts.size())) {
            assertThat(nmt).as("NMT chart: the named categories, the rest summed, and the container's curve")
                    .containsEntry("series", (long) Math.min(named, categories) + 1 + 1);
        }
        assertThat(charts).allSatisfy(chart -> assertThat((Long) chart.get("paths")).as("SVG drawn in " + chart.get("id"))
                .isGreaterThan(20));
        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("#overview tr"))).hasSize(1 + results.size());

        assertThat(browser.executeScript("return window.oomlabInjected === undefined")).as("markup in output ran")
                .isEqualTo(true);
        assertThat(browser.findElements(org.openqa.selenium.By.tagName("b"))).as("markup in output rendered").isEmpty();
        assertThat((String) browser.executeScript("return document.getElementById('report').textContent"))
                .as("the line shown as text").contains(ReportFolderFixture.HOSTILE);
        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("details"))).hasSize(results.size());
        assertThat(browser.executeScript("return window.oomlabErrors")).as("errors on the page").asList().isEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("console errors")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .extracting(LogEntry::getMessage).isEmpty();
        assertThat(requestedUrls()).as("everything the page requested").isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("file:"));
    }

    /** The URLs of every request the page made, from Chromium's own DevTools network events. */
    private List<String> requestedUrls() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new java.util.ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }
}

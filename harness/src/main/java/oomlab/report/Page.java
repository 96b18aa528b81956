package oomlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A report page: a static HTML file of the lab's (src/main/resources/oomlab/report) with ECharts and the page's data
 * inlined, the data as JSON in a {@code <script type="application/json">} that the page's own script reads. No
 * HTML is assembled from strings, so a name with {@code <}, {@code "} or {@code </script>} in it is only data.
 */
final class Page {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Page() {
    }

    static String render(String template, Object data) {
        String page = HtmlReport.resource("/oomlab/report/" + template);
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // inside a script element only "</" can end it early: JSON allows "<\/" for the same text
        return page.replace("/*ECHARTS*/", HtmlReport.resource(HtmlReport.ECHARTS).replace("</script", "<\\/script"))
                .replace("/*DATA*/", json.replace("</", "<\\/").replace("<!--", "<\\u0021--"));
    }
}

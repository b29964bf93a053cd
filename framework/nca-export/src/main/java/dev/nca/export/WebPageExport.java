package dev.nca.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.core.model.MaskMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page that runs an {@link ExportableModel} live: the page template
 * ({@code page.html} beside this class: WebGL2 fragment shaders with a plain JavaScript fallback,
 * both implementing the engine's step) with the model's numbers and a start state embedded as
 * JSON. The page loads nothing from the network.
 */
public final class WebPageExport {

    private static final String TEMPLATE = "page.html";

    private WebPageExport() {
    }

    /**
     * The page's HTML.
     *
     * @param title shown as the page's title and heading
     * @throws IllegalArgumentException when the start state does not have the model's channels
     */
    public static String toHtml(ExportableModel model, WebStart start, String title) {
        int cells = start.size() * start.size();
        if (start.state().length != model.channels() * cells) {
            throw new IllegalArgumentException("start state has " + start.state().length / cells
                    + " channels, the model " + model.channels());
        }
        String json = json(model, start, title).replace("</", "<\\/");
        return template().replace("__NCA_TITLE__", escapeHtml(title)).replace("__NCA_MODEL__", json);
    }

    private static String json(ExportableModel model, WebStart start, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("channels", model.channels());
        m.put("observable", model.observable());
        m.put("hidden", model.hidden());
        List<double[]> kernels = new ArrayList<>();
        for (double[][] k : model.kernels()) {
            double[] flat = new double[9];
            for (int t = 0; t < 9; t++) {
                flat[t] = k[t / 3][t % 3];
            }
            kernels.add(flat);
        }
        m.put("kernels", kernels);
        m.put("activation", model.activation());
        m.put("boundary", model.boundary().name().toLowerCase(Locale.ROOT));
        m.put("updateProbability", model.updateProbability());
        m.put("maskMode", model.maskMode() == MaskMode.CELL ? "cell" : "element");
        m.put("alive", model.aliveMasked()
                ? Map.of("channel", model.aliveChannel(), "threshold", model.aliveThreshold()) : null);
        m.put("w2", model.w2());
        m.put("b2", model.b2());
        m.put("w1", model.w1());
        m.put("v", model.v());
        m.put("size", start.size());
        m.put("start", start.state());
        m.put("startLabel", start.label());
        m.put("display", start.display().name().toLowerCase(Locale.ROOT));
        boolean ranged = Double.isFinite(start.valueMin()) && Double.isFinite(start.valueMax())
                && start.valueMax() > start.valueMin();
        m.put("range", ranged ? new double[] {start.valueMin(), start.valueMax()} : null);
        m.put("channelNames", start.channelNames());
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model as JSON", e);
        }
    }

    private static String template() {
        try (InputStream in = WebPageExport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the page template " + TEMPLATE + " is missing from the nca-export jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page template", e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package io.coursekit.site.diagrams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Chromium tab showing coursekit's render page: Mermaid and render.js, KaTeX and typeset.js, ready to draw. */
final class MermaidTab {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DiagramFormat, String> VARIANTS = Map.of(
            DiagramFormat.LIGHT, "light", DiagramFormat.DARK, "dark", DiagramFormat.SVG_FILE, "file");

    private final Chromium.Tab tab;

    MermaidTab(Chromium.Tab tab) {
        this.tab = tab;
        if (!Boolean.TRUE.equals(tab.evaluate("window.coursekitReady === true && !!window.mermaid && typeof window.coursekitTypeset === 'function'"))) {
            throw new IllegalStateException("the render page did not load Mermaid and KaTeX");
        }
    }

    /** Draws each source in the given formats (not PNG), in order. */
    List<Drawing> draw(List<MermaidSource> sources, Set<DiagramFormat> formats) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        List<String> variants = formats.stream().filter(VARIANTS::containsKey).sorted().map(VARIANTS::get).toList();
        for (MermaidSource source : sources) {
            jobs.add(Map.of("id", source.id(), "source", source.text(), "variants", variants));
        }
        JsonNode results = read((String) tab.evaluate("coursekitRender(" + write(jobs) + ")"));
        List<Drawing> drawings = new ArrayList<>();
        for (JsonNode result : results) {
            if (result.has("error")) {
                drawings.add(new Drawing.Failed(result.get("error").asText()));
                continue;
            }
            Map<DiagramFormat, byte[]> pictures = new EnumMap<>(DiagramFormat.class);
            VARIANTS.forEach((format, variant) -> {
                if (result.has(variant)) {
                    pictures.put(format, result.get(variant).asText().getBytes(StandardCharsets.UTF_8));
                }
            });
            drawings.add(new Drawing.Pictures(pictures));
        }
        return drawings;
    }

    /** KaTeX's HTML of each formula, or KaTeX's message, in order. */
    List<Drawing> typeset(List<MathSource> formulas) {
        List<Map<String, Object>> jobs = formulas.stream()
                .map(f -> Map.<String, Object>of("tex", f.tex(), "display", f.display())).toList();
        List<Drawing> typeset = new ArrayList<>();
        for (JsonNode result : read((String) tab.evaluate("coursekitTypeset(" + write(jobs) + ")"))) {
            typeset.add(result.has("error") ? new Drawing.Failed(result.get("error").asText())
                    : new Drawing.Pictures(Map.of(DiagramFormat.FORMULA, result.get("html").asText().getBytes(StandardCharsets.UTF_8))));
        }
        return typeset;
    }

    /** A PNG of the light picture at twice its size, or Mermaid's message. */
    Drawing png(MermaidSource source) {
        JsonNode box;
        try {
            box = read((String) tab.evaluate("coursekitStage(" + write(source.id()) + ", " + write(source.text()) + ")"));
        } catch (IllegalStateException e) {
            return new Drawing.Failed(e.getMessage());
        }
        Map<String, Object> clip = Map.of("x", box.get("x").asDouble(), "y", box.get("y").asDouble(),
                "width", Math.ceil(box.get("width").asDouble()), "height", Math.ceil(box.get("height").asDouble()), "scale", 2);
        // a tab paints (and so can be captured) only while it is the front one
        tab.call("Page.bringToFront", Map.of());
        Map<String, Object> shot = tab.call("Page.captureScreenshot",
                Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        return new Drawing.Pictures(Map.of(DiagramFormat.PNG_FILE, png));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the render page answered something that is not JSON", e);
        }
    }
}

package io.coursekit.site;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The few words of the site's own interface, in the course's language, from {@code labels_<language>.properties}. */
final class UiLabels {
    private static final Map<String, Map<String, String>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private UiLabels() {
    }

    static Map<String, String> of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle("io.coursekit.site.labels", Locale.forLanguageTag(l),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> labels = new java.util.HashMap<>();
            bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
            return Map.copyOf(labels);
        });
    }
}

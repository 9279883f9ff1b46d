package io.coursekit.portal;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.BeansWrapperBuilder;
import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The portal's pages: FreeMarker templates beside this class, with their words from {@code words_ko/en.properties}. */
final class PortalPages {
    static final String[] LANGUAGES = {"ko", "en"};
    private static final BeansWrapper WRAPPER = new BeansWrapperBuilder(Configuration.VERSION_2_3_34).build();

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);

    PortalPages() {
        freemarker.setClassForTemplateLoading(PortalPages.class, "");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
    }

    static ResourceBundle words(String language) {
        return ResourceBundle.getBundle("io.coursekit.portal.words", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String word(String language, String key, Object... values) {
        String text = words(language).getString(key);
        return values.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(values);
    }

    /** Renders {@code template} with {@code model}, the words of {@code language} as {@code w}, and the language. */
    String render(String template, String language, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("w", new ResourceBundleModel(words(language), WRAPPER));
        all.put("lang", language);
        all.put("otherLang", language.equals("ko") ? "en" : "ko");
        StringWriter html = new StringWriter();
        try {
            freemarker.getTemplate(template).process(all, html);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the portal's template " + template + " is broken: " + e.getMessage(), e);
        }
        return html.toString();
    }
}

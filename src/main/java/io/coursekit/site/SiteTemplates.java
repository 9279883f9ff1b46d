package io.coursekit.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** FreeMarker templates: a course's own --templates folder first, the embedded defaults for whatever it leaves out. */
final class SiteTemplates {
    /** Where the repository's templates/ folder sits inside the coursekit jar. */
    static final String EMBEDDED = "coursekit-templates";

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);

    SiteTemplates(Optional<Path> courseTemplates) throws IOException {
        TemplateLoader embedded = new ClassTemplateLoader(SiteTemplates.class.getClassLoader(), EMBEDDED);
        freemarker.setTemplateLoader(courseTemplates.isEmpty() ? embedded
                : new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(courseTemplates.get().toFile()), embedded}));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    String render(String name, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new BuildProblem(Path.of(e.getTemplateSourceName() == null ? name : e.getTemplateSourceName()),
                    e.getLineNumber() == null ? 1 : e.getLineNumber(), "template error: " + e.getMessageWithoutStackTop());
        } catch (IOException e) {
            throw new BuildProblem(Path.of(name), 1, "template error: " + e.getMessage());
        }
    }
}

package io.coursekit.authoring;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.coursekit.UserError;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code coursekit lab new}: a small lab pack that passes {@code lab check} as it is (a visit counter in Redis), with
 * every part a pack has, for its author to change into a lab: lab.yaml, the API, checks, a reference, a starter and a
 * wrong sample with its expected score.
 */
public final class PackScaffold {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Configuration FREEMARKER = new Configuration(Configuration.VERSION_2_3_34);

    static {
        FREEMARKER.setClassForTemplateLoading(PackScaffold.class, "scaffold");
        FREEMARKER.setDefaultEncoding("UTF-8");
    }

    private PackScaffold() {
    }

    /** Writes the pack {@code labsDir/id}; returns the files written. */
    public static List<Path> write(Path labsDir, String id) {
        if (!ID.matcher(id).matches()) {
            throw new UserError("lab id '" + id + "' must be lower-case words joined by '-', such as write-behind");
        }
        Path pack = labsDir.resolve(id);
        if (Files.exists(pack)) {
            throw new UserError(pack + " already exists: choose another id, or remove it first");
        }
        String javaPackage = "lab." + id.replace("-", "");
        String packagePath = javaPackage.replace('.', '/');
        StringBuilder className = new StringBuilder();
        for (String word : id.split("-")) {
            className.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        Map<String, Object> model = Map.of("id", id, "package", javaPackage, "packagePath", packagePath,
                "className", className.toString());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("lab.yaml", "lab.yaml.ftl");
        files.put("api/" + packagePath + "/VisitCounter.java", "VisitCounter.java.ftl");
        files.put("checks/" + packagePath + "/checks/" + className + "Checks.java", "Checks.java.ftl");
        files.put("reference/" + packagePath + "/RedisVisitCounter.java", "RedisVisitCounter.java.ftl");
        files.put("starter/pom.xml", "pom.xml.ftl");
        files.put("starter/README.md", "README.md.ftl");
        files.put("starter/src/main/java/" + packagePath + "/VisitCounter.java", "VisitCounter.java.ftl");
        files.put("starter/src/main/java/" + packagePath + "/RedisVisitCounter.java", "Skeleton.java.ftl");
        files.put("samples/expected.yaml", "expected.yaml.ftl");
        files.put("samples/local-count/" + packagePath + "/RedisVisitCounter.java", "LocalCount.java.ftl");
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = pack.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                StringWriter text = new StringWriter();
                FREEMARKER.getTemplate(file.getValue()).process(model, text);
                Files.writeString(target, text.toString(), StandardCharsets.UTF_8);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lab pack into " + pack, e);
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
        return written;
    }
}

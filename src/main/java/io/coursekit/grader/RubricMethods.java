package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.Check;
import io.coursekit.lab.LabProblem;

import io.coursekit.lab.check.RubricCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the {@link RubricCheck} methods of compiled checks and holds them to the rubric of {@code lab.yaml}. */
final class RubricMethods {

    private RubricMethods() {
    }

    static List<CheckMethod> find(Lab lab, Path api, Path checks) {
        Map<String, CheckMethod> byId = new LinkedHashMap<>();
        Path yaml = lab.dir().resolve("lab.yaml");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(checks), url(api)},
                RubricMethods.class.getClassLoader())) {
            for (String className : classNames(checks)) {
                for (Method method : declaredMethods(lab, loader, className)) {
                    RubricCheck annotation = method.getAnnotation(RubricCheck.class);
                    if (annotation == null) {
                        continue;
                    }
                    CheckMethod found = new CheckMethod(annotation.value(), className, method.getName());
                    if (lab.check(found.checkId()).isEmpty()) {
                        throw new LabProblem(lab.checksDir(), found.label() + " is marked @RubricCheck(\""
                                + found.checkId() + "\"), but " + yaml + " has no check with that id");
                    }
                    CheckMethod before = byId.put(found.checkId(), found);
                    if (before != null) {
                        throw new LabProblem(lab.checksDir(), "check '" + found.checkId() + "' is marked on both "
                                + before.label() + " and " + found.label());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CheckMethod> ordered = new ArrayList<>();
        for (Check check : lab.checks()) {
            CheckMethod method = byId.get(check.id());
            if (method == null) {
                throw new LabProblem(yaml, "check '" + check.id() + "' has no @RubricCheck(\"" + check.id()
                        + "\") method in " + lab.checksDir());
            }
            ordered.add(method);
        }
        return ordered;
    }

    private static Method[] declaredMethods(Lab lab, ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader).getDeclaredMethods();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LabProblem(lab.checksDir(), "cannot load the check class " + className + ": " + e);
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(dir.toString(), e);
        }
    }
}

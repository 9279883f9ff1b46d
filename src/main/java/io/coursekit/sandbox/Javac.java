package io.coursekit.sandbox;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The JDK's compiler, run in this process: by the grader for a lab pack's own code, and by the compile server in the
 * sandbox for a submission. Errors read as javac prints them, with paths relative to a root.
 */
public final class Javac {
    private static final int MAX_ERRORS = 30;

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    public Javac() {
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run coursekit on a JDK, not a JRE");
        }
    }

    /** Compiles {@code sources} into {@code out}; returns the errors as text, empty when there were none. */
    public String compile(List<Path> sources, List<Path> classpath, Path out, Path shownFrom) {
        StringBuilder text = new StringBuilder();
        errors(sources, classpath, out, shownFrom).forEach(error -> text.append(error.shown()));
        return text.toString();
    }

    /**
     * One error of javac's.
     *
     * @param file  relative to the root it was shown from, empty when the error is about no file
     * @param line  0 when it is about no line
     * @param shown as javac prints it: {@code path:line: error: message}, the source line and a caret
     */
    public record Error(String file, long line, String message, String shown) {
    }

    /** Compiles {@code sources} into {@code out}; returns its errors, none when it compiled. */
    public List<Error> errors(List<Path> sources, List<Path> classpath, Path out, Path shownFrom) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            List<String> options = List.of("-proc:none", "-g", "-nowarn", "-Xlint:none", "-implicit:none",
                    "-encoding", "UTF-8", "-Xmaxerrs", String.valueOf(MAX_ERRORS));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(describe(d, shownFrom));
            }
        }
        return errors;
    }

    private static Error describe(Diagnostic<? extends JavaFileObject> d, Path shownFrom) {
        String message = d.getMessage(Locale.ENGLISH);
        if (d.getSource() == null) {
            return new Error("", 0, message, "error: " + message + "\n");
        }
        Path file = Path.of(d.getSource().toUri());
        String relative = relative(shownFrom, file);
        StringBuilder text = new StringBuilder(relative).append(':').append(d.getLineNumber())
                .append(": error: ").append(message).append('\n');
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.skip(Math.max(0, d.getLineNumber() - 1)).findFirst().ifPresent(line -> text.append(line).append('\n')
                    .append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append("^\n"));
        } catch (IOException | UncheckedIOException e) {
            // the message alone still says what and where
        }
        return new Error(relative, Math.max(0, d.getLineNumber()), message, text.toString());
    }

    public static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}

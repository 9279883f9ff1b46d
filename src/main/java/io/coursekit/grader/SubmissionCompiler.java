package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.LabProblem;

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
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles with the JDK's compiler in this process: a lab's API and checks once per pack version (kept in a cache
 * folder across runs), then each submission against the API. A submission's copies of API types are left out,
 * so students cannot change the contract.
 */
public final class SubmissionCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final int MAX_ERRORS = 30;
    private static final int FINGERPRINT_DIGITS = 16;
    /** Changes whenever a compiled lab in the cache gains or changes files, so older caches are rebuilt. */
    private static final String LAYOUT = "api and checks jars, checks loaded per submission; ";

    private final Path cache;
    private final List<Path> libraries;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    /** @param cache where compiled lab packs are kept between runs */
    public SubmissionCompiler(Path cache) {
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run coursekit on a JDK, not a JRE");
        }
        this.cache = cache;
        this.libraries = CheckClasspath.libraries(cache);
    }

    /** A compiler that keeps compiled lab packs in this user's cache folder ($XDG_CACHE_HOME or ~/.cache). */
    public static SubmissionCompiler withUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new SubmissionCompiler(cache.resolve("coursekit").resolve("labs"));
    }

    /** The libraries the checks and submissions compile and run against. */
    List<Path> libraries() {
        return libraries;
    }

    CompiledLab compileLab(Lab lab) {
        List<Path> api = sources(lab.apiDir());
        List<Path> checks = sources(lab.checksDir());
        if (api.isEmpty()) {
            throw new LabProblem(lab.apiDir(), "no .java files: a lab pack gives students its API types here");
        }
        if (checks.isEmpty()) {
            throw new LabProblem(lab.checksDir(), "no .java files: a lab pack keeps its check classes here");
        }
        Path compiled = cache.resolve(lab.id() + "-" + fingerprint(lab.dir(), api, checks));
        if (Files.isDirectory(compiled)) {
            StaleVersions.used(compiled);
        } else {
            build(lab, api, checks, compiled);
            StaleVersions.removeOthers(cache, lab.id() + "-" + "[0-9a-f]".repeat(FINGERPRINT_DIGITS), compiled);
        }
        Set<String> apiTypes = new LinkedHashSet<>();
        for (Path file : api) {
            String relative = lab.apiDir().relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
            apiTypes.add(relative.substring(0, relative.length() - ".java".length()));
        }
        return new CompiledLab(lab, compiled.resolve("api"), compiled.resolve("checks"), apiTypes,
                RubricMethods.find(lab, compiled.resolve("api"), compiled.resolve("checks")));
    }

    Compilation compile(CompiledLab lab, Submission submission, Path classes) {
        List<Path> sources = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (Path file : submission.javaFiles()) {
            String why = leftOut(lab, submission.root().relativize(file), file);
            if (why == null) {
                sources.add(file);
            } else {
                notes.append(relative(submission.root(), file)).append(": ignored; ").append(why).append('\n');
            }
        }
        if (sources.isEmpty()) {
            return new Compilation(classes, "the submission has no .java files of its own to compile", notes.toString());
        }
        List<Path> classpath = new ArrayList<>(libraries);
        classpath.add(0, lab.api());
        String errors = javac(sources, classpath, classes, file -> relative(submission.root(), file));
        return new Compilation(classes, errors, notes.toString());
    }

    private void build(Lab lab, List<Path> api, List<Path> checks, Path compiled) {
        try {
            Files.createDirectories(cache);
            Path building = Files.createTempDirectory(cache, lab.id() + "-building-");
            try {
                compileInto(lab, api, checks, building);
                ClassJar.write(building.resolve("api"), building.resolve("api.jar"));
                ClassJar.write(building.resolve("checks"), building.resolve("checks.jar"));
                Files.move(building, compiled, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(compiled)) {
                    throw e;
                }
                // another grading built the same pack version first; its copy is as good as ours
            } finally {
                ScratchFolder.delete(building);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write compiled checks into " + cache, e);
        }
    }

    private void compileInto(Lab lab, List<Path> api, List<Path> checks, Path building) {
        String apiErrors = javac(api, libraries, building.resolve("api"), file -> relative(lab.dir(), file));
        if (!apiErrors.isEmpty()) {
            throw new LabProblem(lab.apiDir(), "the lab's API does not compile:\n" + apiErrors);
        }
        List<Path> classpath = new ArrayList<>(libraries);
        classpath.add(0, building.resolve("api"));
        String checkErrors = javac(checks, classpath, building.resolve("checks"), file -> relative(lab.dir(), file));
        if (!checkErrors.isEmpty()) {
            throw new LabProblem(lab.checksDir(), "the checks do not compile against the API alone "
                    + "(they must load the student's classes by reflection):\n" + checkErrors);
        }
    }

    /** Compiles {@code sources} into {@code out}; returns the errors as text, empty when there were none. */
    private String javac(List<Path> sources, List<Path> classpath, Path out, Function<Path, String> shownAs) {
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
        StringBuilder errors = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.append(describe(d, shownAs));
            }
        }
        return errors.toString();
    }

    /** Like javac prints it: {@code path:line: error: message}, the source line and a caret. */
    private static String describe(Diagnostic<? extends JavaFileObject> d, Function<Path, String> shownAs) {
        String message = d.getMessage(Locale.ENGLISH);
        if (d.getSource() == null) {
            return "error: " + message + "\n";
        }
        Path file = Path.of(d.getSource().toUri());
        StringBuilder text = new StringBuilder(shownAs.apply(file)).append(':').append(d.getLineNumber())
                .append(": error: ").append(message).append('\n');
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.skip(Math.max(0, d.getLineNumber() - 1)).findFirst().ifPresent(line -> text.append(line).append('\n')
                    .append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append("^\n"));
        } catch (IOException | UncheckedIOException e) {
            // the message alone still says what and where
        }
        return text.toString();
    }

    /** Why a file of the submission is not compiled, or null when it is. */
    private static String leftOut(CompiledLab lab, Path relative, Path file) {
        String type = declaredType(file);
        if (lab.apiTypes().contains(type)) {
            return "the lab's own " + type + " is used";
        }
        if (relative.getFileName().toString().equals("module-info.java")) {
            return "submissions are compiled without modules";
        }
        for (int i = 0; i + 1 < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("src") && relative.getName(i + 1).toString().equals("test")) {
                return "the submission's own tests are not graded";
            }
        }
        return null;
    }

    private static String declaredType(Path file) {
        try {
            String source = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
            Matcher pkg = PACKAGE.matcher(source);
            String name = file.getFileName().toString().replaceFirst("\\.java$", "");
            return pkg.find() ? pkg.group(1) + "." + name : name;
        } catch (IOException e) {
            return "";
        }
    }

    private static List<Path> sources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fingerprint(Path root, List<Path> api, List<Path> checks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((LAYOUT + Runtime.version()).getBytes(StandardCharsets.UTF_8));
            for (Path library : libraries) {
                digest.update((library + "@" + Files.getLastModifiedTime(library)).getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : Stream.concat(api.stream(), checks.stream()).toList()) {
                digest.update(relative(root, file).getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, FINGERPRINT_DIGITS / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}

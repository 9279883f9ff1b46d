package io.coursekit.grader;

import io.coursekit.UserCache;
import io.coursekit.lab.Lab;
import io.coursekit.lab.LabProblem;
import io.coursekit.rpc.Values;
import io.coursekit.sandbox.Javac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The grader's cache: each lab pack's API and checks compiled once per version (with the JDK's compiler, in this
 * process: a lab pack is the instructor's code), and the libraries of the judge and of student JVMs. What is loaded
 * from here is sealed with its hash when written and checked before use (see {@link CacheSeal}); no sandbox can
 * write here.
 */
public final class LabCache {
    private static final int FINGERPRINT_DIGITS = 16;
    /** Changes whenever a compiled lab in the cache gains or changes files, so older caches are rebuilt. */
    private static final String LAYOUT = "sealed api and checks jars, judge and student archives; ";
    private static final String API_JAR = "api.jar";
    private static final String CHECKS_JAR = "checks.jar";

    private final Path cache;
    private final Javac javac = new Javac();

    /** @param cache where compiled lab packs and libraries are kept between runs */
    public LabCache(Path cache) {
        this.cache = cache;
    }

    /** The lab packs' folder in {@link UserCache}. */
    public static LabCache forThisUser() {
        return new LabCache(UserCache.folder("labs"));
    }

    public Path folder() {
        return cache;
    }

    /** The judge's libraries: what a lab pack's API and checks compile against. */
    public List<Path> judgeLibraries() {
        return Libraries.judge(cache);
    }

    /** The one jar of libraries a student JVM and the sandboxed compiler see: what a lab's starter compiles against. */
    public Path studentLibraries() {
        return Libraries.student(cache);
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
        List<Path> libraries = judgeLibraries();
        Path compiled = cache.resolve(lab.id() + "-" + fingerprint(lab.dir(), api, checks, libraries));
        if (Files.isDirectory(compiled) && !(CacheSeal.intact(compiled.resolve(API_JAR))
                && CacheSeal.intact(compiled.resolve(CHECKS_JAR)))) {
            // changed since it was written: build it again rather than trust it
            ScratchFolder.delete(compiled);
        }
        if (Files.isDirectory(compiled)) {
            StaleVersions.used(compiled);
        } else {
            build(lab, api, checks, libraries, compiled);
            StaleVersions.removeOthers(cache, lab.id() + "-" + "[0-9a-f]".repeat(FINGERPRINT_DIGITS), compiled);
        }
        Set<String> apiTypes = new LinkedHashSet<>();
        for (Path file : api) {
            String relative = lab.apiDir().relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
            apiTypes.add(relative.substring(0, relative.length() - ".java".length()));
        }
        CompiledLab result = new CompiledLab(lab, compiled, apiTypes,
                RubricMethods.find(lab, compiled.resolve("api"), compiled.resolve("checks")));
        refuseUnsendableTypes(result, libraries);
        return result;
    }

    private void build(Lab lab, List<Path> api, List<Path> checks, List<Path> libraries, Path compiled) {
        try {
            Files.createDirectories(cache);
            CacheSeal.readableByAll(cache);
            Path building = Files.createTempDirectory(cache, lab.id() + "-building-");
            try {
                String apiErrors = javac.compile(api, libraries, building.resolve("api"), lab.dir());
                if (!apiErrors.isEmpty()) {
                    throw new LabProblem(lab.apiDir(), "the lab's API does not compile:\n" + apiErrors);
                }
                List<Path> classpath = new ArrayList<>(libraries);
                classpath.add(0, building.resolve("api"));
                String checkErrors = javac.compile(checks, classpath, building.resolve("checks"), lab.dir());
                if (!checkErrors.isEmpty()) {
                    throw new LabProblem(lab.checksDir(), "the checks do not compile against the API alone "
                            + "(they reach the student's class through io.coursekit.lab.check.AppServer):\n" + checkErrors);
                }
                for (String jar : List.of(API_JAR, CHECKS_JAR)) {
                    Path target = building.resolve(jar);
                    ClassJar.write(building.resolve(jar.replace(".jar", "")), target);
                    CacheSeal.seal(target, target);
                }
                CacheSeal.readableByAll(building);
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

    /** Every method of the lab's API interfaces must take and give values that can cross to a student JVM. */
    private static void refuseUnsendableTypes(CompiledLab compiled, List<Path> libraries) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(compiled.apiJar().toUri().toURL());
            for (Path library : libraries) {
                urls.add(library.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String name : compiled.apiTypes()) {
                Class<?> type = Class.forName(name, false, loader);
                if (!type.isInterface()) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
                    if (method.getReturnType() != void.class) {
                        types.add(method.getGenericReturnType());
                    }
                    for (Type used : types) {
                        Optional<String> refusal = Values.refusal(used);
                        if (refusal.isPresent()) {
                            throw new LabProblem(compiled.lab().apiDir(), name + "." + method.getName() + ": "
                                    + refusal.get() + "; student code runs in a JVM of its own and only such values "
                                    + "cross to it");
                        }
                    }
                }
            }
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            throw new LabProblem(compiled.lab().apiDir(), "cannot load the lab's API: " + e);
        }
    }

    /** The .java files under {@code dir}, sorted; none when it is no folder. */
    public static List<Path> sources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(Path root, List<Path> api, List<Path> checks, List<Path> libraries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((LAYOUT + Runtime.version()).getBytes(StandardCharsets.UTF_8));
            for (Path library : libraries) {
                digest.update((library + "@" + Files.getLastModifiedTime(library)).getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : Stream.concat(api.stream(), checks.stream()).toList()) {
                digest.update(Javac.relative(root, file).getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, FINGERPRINT_DIGITS / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.coursekit.sandbox;

import io.coursekit.rpc.Channel;
import io.coursekit.rpc.Message;
import io.coursekit.rpc.Peer;
import io.coursekit.rpc.Remote;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The main class of the sandboxed compiler: compiles one submission after another, sent as text over standard input,
 * and sends the classes back, so javac never sees a path of the grader's. javac runs no student code, but a source
 * can still make it slow or hungry; the grader's time limit and this JVM's heap stop it, and it is then replaced.
 */
public final class CompileServer {
    private final Javac javac = new Javac();
    private final Path scratch;
    private int compilations;

    private CompileServer(Path scratch) {
        this.scratch = scratch;
    }

    public static void main(String[] args) throws Exception {
        FileInputStream fromGrader = new FileInputStream(FileDescriptor.in);
        FileOutputStream toGrader = new FileOutputStream(FileDescriptor.out);
        CompileServer server = new CompileServer(Files.createTempDirectory("compile-"));
        Peer grader = new Peer(new Channel(fromGrader, toGrader, Channel.GRADER_FRAMES), server::answer, p -> { },
                Executors.newSingleThreadExecutor());
        grader.send(new Message.Returned(0, null));
        grader.start("compile-server").ended().join();
        Runtime.getRuntime().halt(0);
    }

    private Message answer(Message request) {
        if (!(request instanceof Message.Compile compile)) {
            return new Message.Threw(request.id(), "java.lang.UnsupportedOperationException", "", "");
        }
        Path work = scratch.resolve(String.valueOf(++compilations));
        try {
            Path sources = work.resolve("src");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : compile.sources().entrySet()) {
                Path file = sources.resolve(source.getKey()).normalize();
                if (!file.startsWith(sources)) {
                    return new Message.CompileResult(compile.id(), source.getKey() + ": not a path inside the submission", Map.of());
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            Path classes = work.resolve("classes");
            String errors = javac.compile(files, compile.classpath().stream().map(Path::of).toList(), classes, sources);
            return new Message.CompileResult(compile.id(), errors, errors.isEmpty() ? classes(classes) : Map.of());
        } catch (IOException | RuntimeException | Error e) {
            // the grader replaces a server whose compiler ran out of memory or stack
            return Remote.threw(compile.id(), e, t -> "");
        } finally {
            delete(work);
        }
    }

    private static Map<String, String> classes(Path root) throws IOException {
        Map<String, String> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('/', '.');
                classes.put(name.substring(0, name.length() - ".class".length()),
                        Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            }
        }
        return classes;
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the sandbox's private tmp goes with it
        }
    }
}

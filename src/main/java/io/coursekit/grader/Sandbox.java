package io.coursekit.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where student code and the compiler run: under bubblewrap, in new user, pid, network, ipc and mount namespaces,
 * seeing only the JDK, the system's shared libraries and what is bound in read-only, with a small private /tmp, an
 * environment of four variables, limits on address space (native memory included), processes and threads, file
 * size, open files and CPU time, and no way to outlive the process that started it. Without bubblewrap (or without
 * user namespaces) the same command runs with the same limits but none of the isolation.
 */
public final class Sandbox {
    /** A user of its own for sandboxes the root user starts: limits on processes do not hold for root. */
    private static final String SANDBOX_USER = "65534";
    private static volatile Sandbox detected;
    /** The sandbox's own name resolves, so code that asks for the local host does not wait for a DNS it cannot reach. */
    private static final Path HOSTS = hostsFile();

    private final Optional<String> missing;
    private final Path bwrap;
    private final Path prlimit;
    private final boolean dropToOwnUser;

    private Sandbox(Optional<String> missing, Path bwrap, Path prlimit, boolean dropToOwnUser) {
        this.missing = missing;
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.dropToOwnUser = dropToOwnUser;
    }

    /**
     * A folder or file of the grader's, seen inside the sandbox at {@code inside}.
     *
     * @param writable only for what the grader's own reference grading writes back, never for a submission
     */
    public record Bind(Path host, String inside, boolean writable) {
        public static Bind readOnly(Path host, String inside) {
            return new Bind(host, inside, false);
        }
    }

    /**
     * What one sandboxed process may use.
     *
     * @param addressSpaceMb heap, native memory, stacks and mapped files together
     * @param processes      processes and threads together
     */
    public record Limits(int addressSpaceMb, int processes, int fileMb, int cpuSeconds, int openFiles, int tmpMb) {
    }

    /** Bubblewrap when it works on this machine, else the reason it does not; tried once per process. */
    public static Sandbox detect() {
        Sandbox sandbox = detected;
        if (sandbox == null) {
            sandbox = probe();
            detected = sandbox;
        }
        return sandbox;
    }

    /** Runs with the limits only, as a student grading their own work on a machine without bubblewrap does. */
    public static Sandbox none(String why) {
        return new Sandbox(Optional.of(why), null, onPath("prlimit").orElse(null), false);
    }

    public boolean isolates() {
        return missing.isEmpty();
    }

    /** {@code bubblewrap} or {@code none}, as results.json says. */
    public String name() {
        return isolates() ? "bubblewrap" : "none";
    }

    /** Why there is no sandbox; empty when there is one. */
    public Optional<String> missing() {
        return missing;
    }

    /** Whether a folder bound in must be readable by other users, because the sandbox runs as a user of its own. */
    public boolean runsAsOtherUser() {
        return dropToOwnUser;
    }

    /** The command that runs {@code program} (an absolute path first) in a sandbox, seeing {@code binds}. */
    public List<String> command(List<Bind> binds, Limits limits, List<String> program) {
        List<String> command = new ArrayList<>();
        if (isolates()) {
            if (dropToOwnUser) {
                command.addAll(List.of(onPath("setpriv").orElse(Path.of("/usr/bin/setpriv")).toString(),
                        "--reuid=" + SANDBOX_USER, "--regid=" + SANDBOX_USER,
                        "--clear-groups", "--"));
            }
            command.add(bwrap.toString());
            command.addAll(List.of("--unshare-all", "--die-with-parent", "--new-session", "--hostname", "sandbox"));
            for (Path system : systemFolders()) {
                command.addAll(List.of(Files.isSymbolicLink(system) ? "--symlink" : "--ro-bind",
                        Files.isSymbolicLink(system) ? readLink(system) : system.toString(), system.toString()));
            }
            command.addAll(List.of("--ro-bind", prlimit.toString(), prlimit.toString(), "--ro-bind", HOSTS.toString(),
                    "/etc/hosts", "--proc", "/proc", "--dev", "/dev",
                    "--size", String.valueOf(limits.tmpMb() * 1024L * 1024), "--tmpfs", "/tmp"));
            for (Bind bind : binds) {
                command.addAll(List.of(bind.writable() ? "--bind" : "--ro-bind", visible(bind.host()).toString(),
                        bind.inside()));
            }
            command.addAll(List.of("--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
                    "--setenv", "LANG", "C.UTF-8", "--setenv", "MALLOC_ARENA_MAX", "2", "--chdir", "/tmp", "--"));
        } else {
            command.addAll(List.of(onPath("env").orElse(Path.of("/usr/bin/env")).toString(), "-i",
                    "HOME=" + System.getProperty("java.io.tmpdir"), "LANG=C.UTF-8",
                    "MALLOC_ARENA_MAX=2"));
        }
        if (prlimit != null) {
            command.addAll(List.of(prlimit.toString(), "--as=" + limits.addressSpaceMb() * 1024L * 1024,
                    "--fsize=" + limits.fileMb() * 1024L * 1024, "--cpu=" + limits.cpuSeconds(),
                    "--nofile=" + limits.openFiles(), "--core=0"));
            if (isolates()) {
                // counted per user: inside its own user namespace that is the sandbox's processes, outside it all the user's
                command.add("--nproc=" + limits.processes());
            }
            command.add("--");
        }
        command.addAll(program);
        return command;
    }

    /**
     * The start of a sandboxed JVM's command: this JDK's java with a heap of {@code heapMb} and the rest of its memory
     * kept small, so that it fits in an address space of {@code heapMb} + {@link #JVM_NATIVE_MB}. The JVM's own
     * warnings go to its standard error: its standard output is the grader's channel.
     */
    public static List<String> java(int heapMb) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMb + "m",
                "-Xss1m", "-XX:ReservedCodeCacheSize=48m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:MaxMetaspaceSize=192m", "-XX:MaxDirectMemorySize=64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Dfile.encoding=UTF-8",
                "-Duser.language=en", "-Xlog:disable", "-Xlog:all=warning:stderr");
    }

    /** Beyond the heap: code, metaspace, thread stacks, direct buffers and the class archive's mappings. */
    public static final int JVM_NATIVE_MB = 1024;

    /**
     * A process builder for a sandboxed {@code command}, with an empty environment: the sandbox's first process keeps
     * the environment it was started with, and anything inside can read it in /proc/1/environ.
     */
    public static ProcessBuilder processOf(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        return builder;
    }

    /** Where {@code bind} is seen from inside: the host path itself when there is no sandbox. */
    public String inside(Bind bind) {
        return isolates() ? bind.inside() : bind.host().toString();
    }

    private static Sandbox probe() {
        Optional<Path> bwrap = onPath("bwrap");
        Optional<Path> prlimit = onPath("prlimit");
        if (bwrap.isEmpty()) {
            return none("bubblewrap (bwrap) is not installed");
        }
        if (prlimit.isEmpty()) {
            return none("prlimit (util-linux) is not installed");
        }
        boolean root = "root".equals(System.getProperty("user.name")) || isRoot();
        Sandbox candidate = new Sandbox(Optional.empty(), bwrap.get(), prlimit.get(), root);
        List<String> probe = candidate.command(List.of(), new Limits(1024, 64, 1, 5, 64, 1), List.of(prlimit.get().toString()));
        try {
            Process process = processOf(probe).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return none("bubblewrap cannot make a sandbox here (are unprivileged user namespaces off?): "
                        + (said.isEmpty() ? "exit status " + process.exitValue() : said.lines().findFirst().orElse("")));
            }
        } catch (IOException e) {
            return none("bubblewrap cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted while trying bubblewrap");
        }
        return candidate;
    }

    /**
     * The file itself when the sandbox's own user may read it, else a link to it (or a copy) in a folder that user may
     * read: a file in a private folder, such as a test's or root's home, cannot be bound in otherwise.
     */
    private Path visible(Path host) {
        if (!dropToOwnUser || !Files.isRegularFile(host) || readableByOthers(host)) {
            return host;
        }
        try {
            Path staging = Path.of(System.getProperty("java.io.tmpdir"), "coursekit-sandbox-files");
            Files.createDirectories(staging);
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path staged = staging.resolve(Integer.toHexString(host.toAbsolutePath().toString().hashCode()) + "-"
                    + Files.size(host) + "-" + Files.getLastModifiedTime(host).toMillis() + "-" + host.getFileName());
            if (!Files.isRegularFile(staged)) {
                Path writing = staging.resolve(staged.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.deleteIfExists(writing);
                try {
                    Files.createLink(writing, host);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(host, writing, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Files.setPosixFilePermissions(writing, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(writing, staged, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return staged;
        } catch (IOException e) {
            // bubblewrap then says it cannot reach the file, and the grading fails with that
            return host;
        }
    }

    private static boolean readableByOthers(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            for (Path folder = file.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
                if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path hostsFile() {
        try {
            Path hosts = Files.createTempFile("coursekit-sandbox-hosts-", "");
            hosts.toFile().deleteOnExit();
            Files.writeString(hosts, "127.0.0.1 localhost sandbox\n::1 localhost ip6-localhost\n");
            Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r--r--"));
            return hosts;
        } catch (IOException | UnsupportedOperationException e) {
            return Path.of("/etc/hosts");
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The JDK, wherever its links lead, and the system's shared libraries: what a JVM needs to start. Top-level
     * links such as {@code /lib -> usr/lib} stay links.
     */
    private static List<Path> systemFolders() {
        Set<Path> folders = new LinkedHashSet<>();
        for (String top : List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64", "/lib32")) {
            Path path = Path.of(top);
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                folders.add(path);
            }
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        try {
            Path real = javaHome.toRealPath();
            if (folders.stream().noneMatch(f -> !Files.isSymbolicLink(f) && real.startsWith(f))) {
                folders.add(real);
            }
            try (Stream<Path> files = Files.walk(real, 4)) {
                for (Path link : files.filter(Files::isSymbolicLink).toList()) {
                    Optional<Path> target = target(link).map(Path::getParent);
                    if (target.isPresent() && !target.get().startsWith(real) && folders.stream()
                            .noneMatch(f -> !Files.isSymbolicLink(f) && target.get().startsWith(f))) {
                        folders.removeIf(f -> f.startsWith(target.get()));
                        folders.add(target.get());
                    }
                }
            }
        } catch (IOException e) {
            // a JDK that cannot be read cannot start in the sandbox either: the probe says so
        }
        return List.copyOf(folders);
    }

    /** Where a link leads; empty for a link to nothing, such as a JDK's {@code src.zip} without its sources. */
    private static Optional<Path> target(Path link) {
        try {
            return Optional.of(link.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

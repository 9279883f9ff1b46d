package io.coursekit.grader;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * What a submission may leave in a check JVM once its checks are done: threads still running, in its code or
 * started during its checks; changed system properties, default locale or time zone; files in the JVM's working
 * folder, which is also its temporary folder. A JVM left with nothing may grade the next submission; any leftover
 * and the grader ends it instead.
 */
final class Leftovers {
    /** JVM-wide pools of the JDK and of Netty, which any code may wake and which end by themselves after idling. */
    private static final List<String> SHARED_POOLS = List.of("ForkJoinPool.commonPool-worker-", "globalEventExecutor-");
    /** Loaders of the JDK, the libraries and the runner, by name; the boot loader has none. */
    private static final Set<String> GRADER_LOADERS = Set.of("app", "platform");
    /** Time for threads of the checks' own clean-up (closing clients, shutting pools down) to end. */
    private static final Duration SETTLING = Duration.ofSeconds(1);

    private final Set<Thread> threads;
    private final Set<String> files;
    private final Properties properties;
    private final Locale locale;
    private final TimeZone timeZone;

    private Leftovers() {
        this.threads = Set.copyOf(Thread.getAllStackTraces().keySet());
        // first: the JDK sets user.timezone when the default time zone is first asked for
        this.timeZone = TimeZone.getDefault();
        this.locale = Locale.getDefault();
        this.properties = (Properties) System.getProperties().clone();
        this.files = workingFolder();
    }

    /** The JVM as it is before a submission's checks. */
    static Leftovers before() {
        return new Leftovers();
    }

    /** What the submission left, once its threads had a moment to end; empty when it left nothing. */
    Optional<String> after() throws InterruptedException {
        long until = System.nanoTime() + SETTLING.toNanos();
        List<String> running = running();
        while (!running.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
            running = running();
        }
        if (!running.isEmpty()) {
            return Optional.of("threads still running: " + String.join(", ", running));
        }
        Properties now = System.getProperties();
        if (!now.equals(properties)) {
            Set<Object> changed = new TreeSet<>();
            now.forEach((key, value) -> {
                if (!value.equals(properties.get(key))) {
                    changed.add(key);
                }
            });
            properties.keySet().stream().filter(key -> !now.containsKey(key)).forEach(changed::add);
            return Optional.of("system properties were changed: " + changed);
        }
        if (!Locale.getDefault().equals(locale) || !TimeZone.getDefault().equals(timeZone)) {
            return Optional.of("the default locale or time zone was changed");
        }
        Set<String> written = new TreeSet<>(workingFolder());
        written.removeAll(files);
        if (!written.isEmpty()) {
            return Optional.of("files were written: " + written);
        }
        return Optional.empty();
    }

    private static Set<String> workingFolder() {
        String[] names = new File(System.getProperty("user.dir")).list();
        return names == null ? Set.of() : Set.of(names);
    }

    private List<String> running() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().isAlive() && (inSubmittedCode(thread.getValue())
                        || !threads.contains(thread.getKey()) && !isSharedPool(thread.getKey())))
                .map(thread -> "'" + thread.getKey().getName() + "'")
                .sorted()
                .toList();
    }

    private static boolean inSubmittedCode(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String loader = frame.getClassLoaderName();
            if (loader != null && !GRADER_LOADERS.contains(loader)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSharedPool(Thread thread) {
        return SHARED_POOLS.stream().anyMatch(thread.getName()::startsWith);
    }
}

package io.coursekit.grader;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns {@code System.exit} and {@code Runtime.halt} in a check JVM into a {@link SecurityException} and remembers
 * the status, so a submission that ends the JVM fails the check it was in without costing the checks left, and the
 * submissions after it, a new JVM. Only a JDK that still allows a security manager (up to 23) can have one; on a
 * newer JDK an exit ends the JVM and the grader starts another, as it does for a crash.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    private static final Set<Class<?>> EXIT_PATH = Set.of(ExitGuard.class, Runtime.class, System.class);

    private final AtomicReference<Integer> attempted = new AtomicReference<>();

    static Optional<ExitGuard> install() {
        ExitGuard guard = new ExitGuard();
        PrintStream console = System.err;
        // the JDK warns on the console that security managers are deprecated; this one never meets a student
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(guard);
            return Optional.of(guard);
        } catch (UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        } finally {
            System.setErr(console);
        }
    }

    @Override
    public void checkExit(int status) {
        if (!calledByRunner()) {
            attempted.compareAndSet(null, status);
            throw new SecurityException("System.exit(" + status + ") is not allowed in a check");
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        if (permission.getName().equals("setSecurityManager")) {
            throw new SecurityException("the check runner's security manager cannot be replaced");
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /** The status of the first exit tried since the last call, if any. */
    Optional<Integer> takeExit() {
        return Optional.ofNullable(attempted.getAndSet(null));
    }

    /** Only the runner's own code may end the JVM. */
    private static boolean calledByRunner() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> !EXIT_PATH.contains(type))
                .findFirst()
                .map(type -> type == CheckRunner.class)
                .orElse(false));
    }
}

package lab.cacheaside.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Set;

/**
 * Loads the submission's classes afresh for every service instance, so each instance starts with its
 * own static fields, as if it ran on its own server: a cache kept in a static map is not shared.
 * The lab's contract types, the checks and the libraries come from the checks' class loader.
 */
final class SubmissionLoader extends ClassLoader {
    static final String SERVICE_CLASS = "lab.cacheaside.CacheAsideProductService";
    private static final Set<String> CONTRACT = Set.of(
            "lab.cacheaside.Product", "lab.cacheaside.ProductRepository", "lab.cacheaside.ProductService");
    private static final String CHECKS_PACKAGE = "lab.cacheaside.checks.";
    private static final List<String> LIBRARY_PROBES = List.of(
            "io.lettuce.core.RedisClient", "io.coursekit.lab.check.RubricCheck");

    private final String submissionRoot;

    private SubmissionLoader(ClassLoader checks, String submissionRoot) {
        super("submission", checks);
        this.submissionRoot = submissionRoot;
    }

    /**
     * The service class, loaded by a new loader.
     *
     * @throws ClassNotFoundException when the submission has no {@link #SERVICE_CLASS}
     */
    static Class<?> freshServiceClass(ClassLoader checks) throws ClassNotFoundException {
        URL service = checks.getResource(classFile(SERVICE_CLASS));
        if (service == null) {
            throw new ClassNotFoundException(SERVICE_CLASS);
        }
        String url = service.toExternalForm();
        String root = url.substring(0, url.length() - classFile(SERVICE_CLASS).length());
        for (String probe : LIBRARY_PROBES) {
            URL library = checks.getResource(classFile(probe));
            if (library != null && library.toExternalForm().startsWith(root)) {
                throw new IllegalStateException("the check runner must keep the submission's classes apart from "
                        + probe + ", both are in " + root);
            }
        }
        return Class.forName(SERVICE_CLASS, true, new SubmissionLoader(checks, root));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] submitted = submittedClassFile(name);
                loaded = submitted == null
                        ? getParent().loadClass(name)
                        : defineClass(name, submitted, 0, submitted.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] submittedClassFile(String name) {
        if (CONTRACT.contains(name) || name.startsWith(CHECKS_PACKAGE) || name.startsWith("java.")) {
            return null;
        }
        URL url = getParent().getResource(classFile(name));
        if (url == null || !url.toExternalForm().startsWith(submissionRoot)) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }
}

package lab.cacheaside.checks;

import io.lettuce.core.api.sync.RedisCommands;
import lab.cacheaside.ProductRepository;
import lab.cacheaside.ProductService;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * The student's {@code CacheAsideProductService}, found and built by reflection so that a missing class or
 * constructor fails each check with a reason instead of breaking the compilation of the checks.
 */
final class Submission {
    private static final String SIMPLE_NAME = "CacheAsideProductService";
    private static final String CONSTRUCTOR = "public " + SIMPLE_NAME + "(ProductRepository repository, RedisCommands<String, String> redis)";

    private Submission() {
    }

    static ProductService newService(ProductRepository repository, RedisCommands<String, String> redis) {
        Class<?> type = serviceClass();
        if (!ProductService.class.isAssignableFrom(type)) {
            throw new AssertionFailedError(SIMPLE_NAME + " does not implement lab.cacheaside.ProductService");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new AssertionFailedError(SIMPLE_NAME + " must be a public, non-abstract class");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(ProductRepository.class, RedisCommands.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionFailedError(SIMPLE_NAME + " has no constructor " + CONSTRUCTOR
                    + "; it has " + Arrays.toString(type.getConstructors()));
        }
        try {
            return (ProductService) constructor.newInstance(repository, redis);
        } catch (InvocationTargetException e) {
            throw new AssertionFailedError("the constructor " + SIMPLE_NAME + "(repository, redis) threw "
                    + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionFailedError("cannot call " + CONSTRUCTOR + ": " + e, e);
        }
    }

    /** What a student needs to find the problem: the exception and the line of their code that threw it. */
    static String describe(Throwable thrown) {
        String where = Arrays.stream(thrown.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("lab.cacheaside.")
                        && !frame.getClassName().startsWith("lab.cacheaside.checks."))
                .findFirst()
                .map(frame -> " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("");
        return thrown + where;
    }

    private static Class<?> serviceClass() {
        try {
            return SubmissionLoader.freshServiceClass(Submission.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionFailedError("the submission has no class " + SubmissionLoader.SERVICE_CLASS
                    + ": name the class " + SIMPLE_NAME + " and put it in package lab.cacheaside");
        } catch (ExceptionInInitializerError e) {
            throw new AssertionFailedError("the static initializer of " + SIMPLE_NAME + " threw "
                    + describe(e.getCause()), e.getCause());
        } catch (LinkageError e) {
            throw new AssertionFailedError(SIMPLE_NAME + " cannot be loaded: " + e, e);
        }
    }
}

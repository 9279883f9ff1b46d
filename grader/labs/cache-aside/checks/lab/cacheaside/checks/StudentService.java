package lab.cacheaside.checks;

import io.coursekit.lab.check.StudentThrew;
import lab.cacheaside.Product;
import lab.cacheaside.ProductService;
import org.opentest4j.AssertionFailedError;

import java.util.Optional;
import java.util.function.Supplier;

/** The submitted service, called so that whatever it throws fails the check with the call that threw. */
final class StudentService {
    private final ProductService service;

    StudentService(ProductService service) {
        this.service = service;
    }

    Optional<Product> getProduct(long id) {
        String call = "getProduct(" + id + ")";
        Optional<Product> read = call(call, () -> service.getProduct(id));
        if (read == null) {
            throw new AssertionFailedError(call + " returned null instead of an Optional");
        }
        return read;
    }

    void updateProduct(Product product) {
        call("updateProduct(" + product + ")", () -> {
            service.updateProduct(product);
            return null;
        });
    }

    boolean deleteProduct(long id) {
        return call("deleteProduct(" + id + ")", () -> service.deleteProduct(id));
    }

    private static <T> T call(String call, Supplier<T> body) {
        try {
            return body.get();
        } catch (StudentThrew thrown) {
            throw new AssertionFailedError(call + " threw " + thrown.getMessage());
        }
    }
}

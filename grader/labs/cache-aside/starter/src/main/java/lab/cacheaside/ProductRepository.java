package lab.cacheaside;

import java.util.Optional;

/** The database. The grader supplies an instrumented implementation. */
public interface ProductRepository {
    Optional<Product> findById(long id);

    /** Insert or update. */
    void save(Product product);

    /** True when a row was deleted. */
    boolean deleteById(long id);
}

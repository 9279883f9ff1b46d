package lab.cacheaside;

import java.util.Optional;

/** What the student implements. */
public interface ProductService {
    /** Cache-aside read. */
    Optional<Product> getProduct(long id);

    /** Write the database, keep the cache correct. */
    void updateProduct(Product product);

    /** Delete from database and cache. */
    boolean deleteProduct(long id);
}

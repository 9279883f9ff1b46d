package lab.cacheaside;

/** A product row in the database. */
public record Product(long id, String name, long priceCents, int stock) {}

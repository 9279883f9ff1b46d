package lab.tiny;

/** Counts of items on a shelf, kept in Redis under {@code shelf:<item>}. */
public interface Shelf {
    void put(String item, int count);

    /** 0 for an item never put. */
    int count(String item);

    String motto();
}

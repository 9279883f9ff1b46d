package ${package};

/** What students implement: visits per page, counted in Redis under {@code visits:<page>}. */
public interface VisitCounter {
    /** Counts one visit of {@code page}; returns the visits so far, this one included. */
    long visit(String page);

    /** The visits of {@code page} so far, 0 for a page never visited. */
    long visits(String page);
}

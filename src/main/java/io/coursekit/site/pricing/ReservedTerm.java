package io.coursekit.site.pricing;

import java.math.BigDecimal;

/** A reserved-node commitment (1y, 3y) and the discount it gives on the on-demand price. */
record ReservedTerm(String term, String label, BigDecimal discountPercent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What is left to pay of an on-demand amount, exactly: 118.26 at 40% gives 70.956. */
    BigDecimal apply(BigDecimal onDemand) {
        return onDemand.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED);
    }

    BigDecimal saving(BigDecimal onDemand) {
        return onDemand.subtract(apply(onDemand));
    }
}

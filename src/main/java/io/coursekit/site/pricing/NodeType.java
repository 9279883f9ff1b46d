package io.coursekit.site.pricing;

import java.math.BigDecimal;

/** A cache node size sold at an on-demand price per hour, e.g. cache.m5.large with 6.38 GiB at $0.162. */
record NodeType(String type, BigDecimal memoryGib, BigDecimal perHour) {

    BigDecimal monthly(BigDecimal hours) {
        return perHour.multiply(hours);
    }
}

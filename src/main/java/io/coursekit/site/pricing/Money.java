package io.coursekit.site.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How amounts are shown: computed exactly, rounded HALF_UP to cents only here, at display.
 * pricing.js formats the same way, so the calculator and the build print identical strings.
 */
record Money(String symbol) {

    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** An amount to pay, in cents with thousands separators: {@code $1,234.57}. */
    String amount(BigDecimal exact) {
        return symbol + String.format(Locale.ROOT, "%,.2f", cents(exact));
    }

    /** A unit price exactly as the price book gives it, with its unit: {@code $0.085/GB-월}; a zero price says it is free. */
    String rate(BigDecimal rate, String unit) {
        return rate.signum() == 0 ? "무료" : symbol + rate.toPlainString() + unit;
    }
}

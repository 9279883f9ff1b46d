package io.coursekit.site.pricing;

import java.math.BigDecimal;

/** Snapshot storage priced per GB-month; the first {@code freeAutomaticBackups} automatic backups cost nothing. */
record BackupPrice(BigDecimal perGbMonth, int freeAutomaticBackups) {

    BigDecimal monthly(BigDecimal gb) {
        return perGbMonth.multiply(gb);
    }
}

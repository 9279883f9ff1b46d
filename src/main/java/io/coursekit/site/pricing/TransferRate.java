package io.coursekit.site.pricing;

import java.math.BigDecimal;

/** What moving a GB along one route costs, e.g. between availability zones; {@code note} may be empty. */
record TransferRate(String route, BigDecimal perGb, String note) {
}

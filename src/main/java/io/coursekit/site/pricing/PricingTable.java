package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;

import java.util.Set;

/** One kind of table a pricing block can ask for with {@code table: <name>}. */
interface PricingTable {

    /** The block keys this table reads besides {@code book} and {@code table}. */
    Set<String> keys();

    String html(PriceBook book, Mapping block);
}

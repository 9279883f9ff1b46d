package io.coursekit.authoring;

import java.util.List;
import java.util.Map;

/**
 * What {@code samples/expected.yaml} says one sample scores.
 *
 * @param line    the line of its entry, where a sample that scores otherwise is reported
 * @param failing exactly the checks it fails
 * @param reasons per failing check, how its reason (in English) starts, where it matters
 */
record SampleExpectation(String name, int line, int score, List<String> failing, Map<String, String> reasons) {
}

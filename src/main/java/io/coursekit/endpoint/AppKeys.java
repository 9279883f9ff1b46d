package io.coursekit.endpoint;

import io.coursekit.lab.AppKeyRule;
import io.coursekit.lab.EndpointRubric;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisKeyCommands;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code app-keys}: the student's app left keys matching the lab's pattern, each with a TTL.
 * Only the upper bound of a TTL can be checked: what is left of it shrinks from the moment the key was written.
 */
final class AppKeys implements EndpointCheck {
    /** Keys SCAN looks at per call, and the most calls: together they bound the work asked of the endpoint. */
    private static final int SCAN_COUNT = 200;
    private static final int MOST_SCAN_CALLS = 50;

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        AppKeyRule rule = rubric.appKeys();
        RedisKeyCommands<String, String> keys = session.keys();
        ScanArgs args = ScanArgs.Builder.matches(rule.pattern()).limit(SCAN_COUNT);
        List<String> sample = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        int calls = 0;
        while (sample.size() < rule.sample() && calls < MOST_SCAN_CALLS && !session.deadline().passed()) {
            KeyScanCursor<String> page = keys.scan(cursor, args);
            calls++;
            page.getKeys().stream().limit(rule.sample() - sample.size()).forEach(sample::add);
            if (page.isFinished()) {
                break;
            }
            cursor = page;
        }
        if (sample.isEmpty()) {
            return Finding.fail("no key matches " + rule.pattern() + " (" + calls + " SCAN call(s)): "
                    + "is the app connected to this endpoint, and has it served a read since?");
        }
        long maxSeconds = rule.ttlMax().toSeconds();
        for (String key : sample) {
            long ttl = keys.ttl(key);
            if (ttl == -1) {
                return Finding.fail(key + " has no TTL: write cache entries with an expiry (SET ... EX "
                        + maxSeconds + " or less)");
            }
            if (ttl > maxSeconds) {
                return Finding.fail(key + " expires in " + ttl + " s, more than this lab's " + maxSeconds + " s");
            }
        }
        return Finding.pass(sample.size() + " key(s) matching " + rule.pattern() + " sampled, each with a TTL of at most "
                + maxSeconds + " s");
    }
}

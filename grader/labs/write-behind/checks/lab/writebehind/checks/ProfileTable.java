package lab.writebehind.checks;

import lab.writebehind.DatabaseUnavailable;
import lab.writebehind.Profile;
import lab.writebehind.ProfileDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's database: an in-memory table that remembers every write it was given, per user and in order, can be
 * down, fail a number of batches, or answer slowly.
 */
final class ProfileTable implements ProfileDatabase {
    private final Map<String, Profile> rows = new HashMap<>();
    private final Map<String, List<Integer>> written = new HashMap<>();
    private final List<Profile> refused = new ArrayList<>();
    private int batches;
    private int failuresLeft;
    private boolean down;
    private volatile Duration latency = Duration.ZERO;

    ProfileTable(Profile... profiles) {
        for (Profile profile : profiles) {
            rows.put(profile.userId(), profile);
        }
    }

    /** The next {@code count} batches fail with {@link DatabaseUnavailable} and write nothing. */
    synchronized void failNext(int count) {
        failuresLeft = count;
    }

    /** While down, every batch fails. */
    synchronized void down(boolean isDown) {
        down = isDown;
    }

    /** Every later batch takes this long before it is written. */
    void answerAfter(Duration perBatch) {
        latency = perBatch;
    }

    /** The row as the checks see it. */
    synchronized Optional<Profile> row(String userId) {
        return Optional.ofNullable(rows.get(userId));
    }

    /** The levels written for the user, in the order they were written, failed batches left out. */
    synchronized List<Integer> levelsWritten(String userId) {
        return List.copyOf(written.getOrDefault(userId, List.of()));
    }

    /** Whether a batch that failed held this profile. */
    synchronized boolean refused(Profile profile) {
        return refused.contains(profile);
    }

    /** Batches tried, failed ones included. */
    synchronized int batches() {
        return batches;
    }

    @Override
    public void writeAll(List<Profile> profiles) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            batches++;
            if (down || failuresLeft > 0) {
                failuresLeft = Math.max(0, failuresLeft - 1);
                refused.addAll(profiles);
                throw new DatabaseUnavailable("the database is unavailable (batch " + batches + " of "
                        + profiles.size() + " profiles not written)");
            }
            for (Profile profile : profiles) {
                rows.put(profile.userId(), profile);
                written.computeIfAbsent(profile.userId(), id -> new ArrayList<>()).add(profile.level());
            }
        }
    }

    @Override
    public synchronized Optional<Profile> read(String userId) {
        return Optional.ofNullable(rows.get(userId));
    }
}

package lab.writebehind.checks;

import io.coursekit.lab.check.Expect;
import lab.writebehind.Profile;
import lab.writebehind.ProfileStore;

import java.time.Duration;
import java.util.Optional;

/** The submitted store, each call named as the student wrote it when it throws; close may not hang the check. */
final class StudentStore {
    private static final Duration CLOSING = Duration.ofSeconds(3);

    private final ProfileStore store;

    StudentStore(ProfileStore store) {
        this.store = store;
    }

    void save(Profile profile) {
        Expect.run("save(" + profile + ")", () -> store.save(profile));
    }

    Optional<Profile> find(String userId) {
        String call = "find(\"" + userId + "\")";
        Optional<Profile> found = Expect.call(call, () -> store.find(userId));
        Expect.that(found != null, () -> call + " returned null instead of an Optional");
        return found;
    }

    /**
     * Ends the store after a check, so that its flushing cannot take the next check's writes: the Redis of the next
     * check is another, emptied one, but the student's JVM is the same. Whatever close does here is not graded.
     */
    void closeQuietly() {
        try {
            Expect.within(Duration.ofSeconds(1), "close()", () -> {
                store.close();
                return null;
            });
        } catch (AssertionError | RuntimeException e) {
            // graded by close-flushes-pending alone
        }
    }

    void close() {
        Expect.within(CLOSING, "close()", () -> {
            Expect.run("close()", store::close);
            return null;
        });
    }
}

package lab.writebehind;

import java.util.List;
import java.util.Optional;

/** The database behind the cache. The grader supplies an instrumented implementation. */
public interface ProfileDatabase {
    /**
     * Writes the profiles in one batch, in list order (a later profile of the same user overwrites an earlier one).
     *
     * @throws DatabaseUnavailable when the database is down: then nothing of the batch was written
     */
    void writeAll(List<Profile> profiles);

    Optional<Profile> read(String userId);
}

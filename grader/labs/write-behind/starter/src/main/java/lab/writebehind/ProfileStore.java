package lab.writebehind;

import java.util.Optional;

/** What the student implements: a write-behind cache of profiles in Redis. */
public interface ProfileStore {
    /** Stores the profile in Redis now; it reaches the database later, within 1 second. */
    void save(Profile profile);

    /** The latest saved profile (read your writes), from Redis, else from the database; empty when neither has it. */
    Optional<Profile> find(String userId);

    /** Writes every pending profile to the database before it returns, then stops writing. */
    void close();
}

package lab.writebehind;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/**
 * A write-behind cache of profiles: save writes Redis and returns; a background thread writes pending profiles to
 * the database within 1 second. Keep this class name and constructor.
 */
public class WriteBehindProfileStore implements ProfileStore {
    private final ProfileDatabase database;
    private final RedisCommands<String, String> redis;

    public WriteBehindProfileStore(ProfileDatabase database, RedisCommands<String, String> redis) {
        this.database = database;
        this.redis = redis;
        // TODO: start a background flush (e.g. a ScheduledExecutorService with a daemon thread)
    }

    @Override
    public void save(Profile profile) {
        throw new UnsupportedOperationException("TODO: write Redis and remember the profile as pending");
    }

    @Override
    public Optional<Profile> find(String userId) {
        throw new UnsupportedOperationException("TODO: read Redis, else the database");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO: write every pending profile, then stop the flush");
    }
}

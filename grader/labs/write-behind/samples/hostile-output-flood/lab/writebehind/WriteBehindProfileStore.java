package lab.writebehind;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Hostile: the first save of a level over 40 prints 100 MiB. */
public class WriteBehindProfileStore implements ProfileStore {
    private static final String DIRTY = "profiles:dirty";
    private static final int BATCH = 100;
    private static final int CLOSING_ATTEMPTS = 5;

    private static boolean flooded;
    private final ProfileDatabase database;
    private final RedisCommands<String, String> redis;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "write-behind");
        thread.setDaemon(true);
        return thread;
    });

    public WriteBehindProfileStore(ProfileDatabase database, RedisCommands<String, String> redis) {
        this.database = database;
        this.redis = redis;
        flusher.scheduleWithFixedDelay(this::flushQuietly, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void save(Profile profile) {
        if (profile.level() > 40 && !flooded) {
            flooded = true;
            String line = "x".repeat(1023) + "\n";
            for (int i = 0; i < 100 * 1024; i++) {
                System.out.print(line);
            }
        }
        redis.hset(key(profile.userId()), Map.of("nickname", profile.nickname(), "level", String.valueOf(profile.level())));
        redis.sadd(DIRTY, profile.userId());
    }

    @Override
    public Optional<Profile> find(String userId) {
        Map<String, String> cached = redis.hgetall(key(userId));
        if (!cached.isEmpty()) {
            return Optional.of(profile(userId, cached));
        }
        return database.read(userId);
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(2, TimeUnit.SECONDS);
            for (int attempt = 0; attempt < CLOSING_ATTEMPTS && redis.scard(DIRTY) > 0; attempt++) {
                if (!flush()) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushQuietly() {
        try {
            while (redis.scard(DIRTY) > 0 && flush()) {
                // a full batch may leave more behind
            }
        } catch (RedisException e) {
            // the next round tries again
        }
    }

    /** Writes one batch of dirty profiles; false when the database refused it and its ids are dirty again. */
    private synchronized boolean flush() {
        List<String> ids = new ArrayList<>(redis.spop(DIRTY, BATCH));
        List<Profile> batch = new ArrayList<>();
        for (String id : ids) {
            Map<String, String> fields = redis.hgetall(key(id));
            if (!fields.isEmpty()) {
                batch.add(profile(id, fields));
            }
        }
        if (batch.isEmpty()) {
            return true;
        }
        try {
            database.writeAll(batch);
            return true;
        } catch (DatabaseUnavailable e) {
            redis.sadd(DIRTY, ids.toArray(String[]::new));
            return false;
        }
    }

    private static String key(String userId) {
        return "profile:" + userId;
    }

    private static Profile profile(String userId, Map<String, String> fields) {
        return new Profile(userId, fields.get("nickname"), Integer.parseInt(fields.get("level")));
    }
}

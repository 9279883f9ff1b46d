package lab.writebehind;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wrong on purpose: every save waits in a queue and reaches the database, so 50 saves of one key are 50 row writes. */
public class WriteBehindProfileStore implements ProfileStore {
    private final ProfileDatabase database;
    private final RedisCommands<String, String> redis;
    private final LinkedBlockingDeque<Profile> pending = new LinkedBlockingDeque<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "write-behind");
        thread.setDaemon(true);
        return thread;
    });

    public WriteBehindProfileStore(ProfileDatabase database, RedisCommands<String, String> redis) {
        this.database = database;
        this.redis = redis;
        flusher.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void save(Profile profile) {
        redis.hset("profile:" + profile.userId(), Map.of("nickname", profile.nickname(), "level", String.valueOf(profile.level())));
        pending.addLast(profile);
    }

    @Override
    public Optional<Profile> find(String userId) {
        Map<String, String> cached = redis.hgetall("profile:" + userId);
        if (!cached.isEmpty()) {
            return Optional.of(new Profile(userId, cached.get("nickname"), Integer.parseInt(cached.get("level"))));
        }
        return database.read(userId);
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int attempt = 0; attempt < 5 && !pending.isEmpty(); attempt++) {
            flush();
        }
    }

    private synchronized void flush() {
        List<Profile> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            database.writeAll(batch);
        } catch (DatabaseUnavailable e) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                pending.addFirst(batch.get(i));
            }
        }
    }
}

package lab.sessionsandleaderboard;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Hostile: logout ends the JVM with System.exit(0) after deleting the session. */
public class RedisGameService implements GameService {
    private static final long SESSION_SECONDS = 3600;
    private static final String BOARD = "leaderboard";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisCommands<String, String> redis;

    public RedisGameService(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public String login(String userId) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        redis.setex("session:" + token, SESSION_SECONDS, userId);
        return token;
    }

    @Override
    public Optional<String> user(String token) {
        String user = redis.getex("session:" + token, io.lettuce.core.GetExArgs.Builder.ex(SESSION_SECONDS));
        return Optional.ofNullable(user);
    }

    @Override
    public void logout(String token) {
        redis.del("session:" + token);
        System.exit(0);
    }

    @Override
    public void addScore(String player, long points) {
        redis.zincrby(BOARD, -points, player);
    }

    @Override
    public List<Ranked> top(int n) {
        List<Ranked> top = new ArrayList<>();
        if (n <= 0) {
            return top;
        }
        for (ScoredValue<String> entry : redis.zrangeWithScores(BOARD, 0, n - 1)) {
            top.add(new Ranked(top.size() + 1, entry.getValue(), -(long) entry.getScore()));
        }
        return top;
    }

    @Override
    public Optional<Ranked> rankOf(String player) {
        Long rank = redis.zrank(BOARD, player);
        Double score = redis.zscore(BOARD, player);
        if (rank == null || score == null) {
            return Optional.empty();
        }
        return Optional.of(new Ranked(rank.intValue() + 1, player, -score.longValue()));
    }
}

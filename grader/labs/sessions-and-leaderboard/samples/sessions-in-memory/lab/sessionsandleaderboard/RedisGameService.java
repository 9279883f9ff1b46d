package lab.sessionsandleaderboard;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Wrong on purpose: sessions in a map of this server's memory; the leaderboard is right. */
public class RedisGameService implements GameService {
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();
    private static final String BOARD = "leaderboard";

    private final RedisCommands<String, String> redis;

    public RedisGameService(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public String login(String userId) {
        String token = UUID.randomUUID().toString();
        SESSIONS.put(token, userId);
        return token;
    }

    @Override
    public Optional<String> user(String token) {
        return Optional.ofNullable(SESSIONS.get(token));
    }

    @Override
    public void logout(String token) {
        SESSIONS.remove(token);
    }

    @Override
    public void addScore(String player, long points) {
        redis.zincrby(BOARD, -points, player);
    }

    @Override
    public List<Ranked> top(int n) {
        List<Ranked> top = new ArrayList<>();
        for (ScoredValue<String> entry : redis.zrangeWithScores(BOARD, 0, n - 1)) {
            top.add(new Ranked(top.size() + 1, entry.getValue(), -(long) entry.getScore()));
        }
        return top;
    }

    @Override
    public Optional<Ranked> rankOf(String player) {
        Long rank = redis.zrank(BOARD, player);
        Double score = redis.zscore(BOARD, player);
        return rank == null || score == null ? Optional.empty()
                : Optional.of(new Ranked(rank.intValue() + 1, player, -score.longValue()));
    }
}

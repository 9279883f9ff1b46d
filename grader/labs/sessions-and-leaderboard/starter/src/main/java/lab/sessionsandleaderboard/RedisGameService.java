package lab.sessionsandleaderboard;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.List;
import java.util.Optional;

/**
 * Sessions (session:{token} with a sliding TTL of 30 minutes to 2 hours) and a leaderboard on one sorted set, both in
 * Redis. Keep this class name and constructor.
 */
public class RedisGameService implements GameService {
    private final RedisCommands<String, String> redis;

    public RedisGameService(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public String login(String userId) {
        throw new UnsupportedOperationException("TODO: a random token, and the session in Redis with a TTL");
    }

    @Override
    public Optional<String> user(String token) {
        throw new UnsupportedOperationException("TODO: the session's user, and its TTL started over");
    }

    @Override
    public void logout(String token) {
        throw new UnsupportedOperationException("TODO: delete the session");
    }

    @Override
    public void addScore(String player, long points) {
        throw new UnsupportedOperationException("TODO: add to the player's score atomically");
    }

    @Override
    public List<Ranked> top(int n) {
        throw new UnsupportedOperationException("TODO: the n best players, equal scores by name");
    }

    @Override
    public Optional<Ranked> rankOf(String player) {
        throw new UnsupportedOperationException("TODO: the player's rank from 1 and score");
    }
}

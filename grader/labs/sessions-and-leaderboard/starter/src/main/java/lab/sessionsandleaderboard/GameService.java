package lab.sessionsandleaderboard;

import java.util.List;
import java.util.Optional;

/** What the student implements: sessions and a leaderboard of a game, both kept in Redis. */
public interface GameService {
    /**
     * Starts a session for the user: a new random token of at least 16 characters, kept in Redis under
     * {@code session:{token}} with a TTL of 30 minutes to 2 hours.
     */
    String login(String userId);

    /** The session's user while it lives; every such read starts the session's TTL over (sliding expiration). */
    Optional<String> user(String token);

    /** Ends the session: {@code session:{token}} is deleted. An unknown token is no error. */
    void logout(String token);

    /** Adds points to the player's score (a new player starts at 0); safe when called from many servers at once. */
    void addScore(String player, long points);

    /**
     * The {@code n} best players, highest score first; players with equal scores in the order of their names
     * (String.compareTo), and ranked in that order: no two players share a rank.
     */
    List<Ranked> top(int n);

    /** The player's rank and score, as {@link #top} would rank them; empty for a player with no score. */
    Optional<Ranked> rankOf(String player);
}

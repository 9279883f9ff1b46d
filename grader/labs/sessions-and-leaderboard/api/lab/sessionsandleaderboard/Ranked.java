package lab.sessionsandleaderboard;

/** A player's place on the leaderboard: {@code rank} 1 is the highest score. */
public record Ranked(int rank, String player, long score) {}

package lab.sessionsandleaderboard.checks;

import io.coursekit.lab.check.Expect;
import lab.sessionsandleaderboard.GameService;
import lab.sessionsandleaderboard.Ranked;

import java.util.List;
import java.util.Optional;

/** The submitted service, each call named as the student wrote it when it throws or returns null. */
final class StudentGame {
    private final GameService game;

    StudentGame(GameService game) {
        this.game = game;
    }

    String login(String userId) {
        String call = "login(\"" + userId + "\")";
        String token = Expect.call(call, () -> game.login(userId));
        Expect.that(token != null, () -> call + " returned null instead of a token");
        return token;
    }

    Optional<String> user(String token) {
        return notNull("user(\"" + token + "\")", Expect.call("user(\"" + token + "\")", () -> game.user(token)));
    }

    void logout(String token) {
        Expect.run("logout(\"" + token + "\")", () -> game.logout(token));
    }

    void addScore(String player, long points) {
        Expect.run("addScore(\"" + player + "\", " + points + ")", () -> game.addScore(player, points));
    }

    List<Ranked> top(int n) {
        return notNull("top(" + n + ")", Expect.call("top(" + n + ")", () -> game.top(n)));
    }

    Optional<Ranked> rankOf(String player) {
        String call = "rankOf(\"" + player + "\")";
        return notNull(call, Expect.call(call, () -> game.rankOf(player)));
    }

    private static <T> T notNull(String call, T value) {
        Expect.that(value != null, () -> call + " returned null");
        return value;
    }
}

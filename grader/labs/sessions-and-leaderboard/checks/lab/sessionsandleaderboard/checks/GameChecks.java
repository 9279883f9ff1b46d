package lab.sessionsandleaderboard.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.Expect;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.Notes;
import io.coursekit.lab.check.RubricCheck;
import lab.sessionsandleaderboard.GameService;
import lab.sessionsandleaderboard.Ranked;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rubric of the sessions and leaderboard lab, one method per check of lab.yaml. */
final class GameChecks {
    /** The seed session's guidance for sessions: 30 minutes to 2 hours. */
    private static final long SHORTEST_TTL = 1800;
    private static final long LONGEST_TTL = 7200;

    private static StudentGame game() {
        return new StudentGame(AppServer.first().newInstance(GameService.class));
    }

    private static StudentGame gameOnSecondServer() {
        return new StudentGame(AppServer.second().newInstance(GameService.class));
    }

    private static String key(String token) {
        return "session:" + token;
    }

    @RubricCheck("login-creates-session")
    void loginCreatesSession() {
        StudentGame game = game();

        String token = game.login("minsu");

        Expect.that(LabRedis.commands().exists(key(token)) == 1, () -> "after login(\"minsu\") returned \"" + token
                + "\", Redis has no key " + key(token) + "; keys in Redis: " + LabRedis.commands().keys("*"));
        Optional<String> same = game.user(token);
        Expect.that(same.equals(Optional.of("minsu")), () -> "user(token) right after login returned " + same
                + ", expected Optional[minsu]");
        Optional<String> other = gameOnSecondServer().user(token);
        Expect.that(other.equals(Optional.of("minsu")), () -> "user(token) on a second server returned " + other
                + ", expected Optional[minsu]: a session must be in Redis, where every server sees it");
    }

    @RubricCheck("session-ttl-in-range")
    void sessionTtlInRange() {
        String token = game().login("minsu");

        long ttl = LabRedis.commands().ttl(key(token));

        Expect.that(ttl != -2, () -> "after login, Redis has no key " + key(token));
        Expect.that(ttl != -1, () -> key(token) + " has no TTL: a session nobody ends would stay in Redis for ever");
        Expect.that(ttl >= SHORTEST_TTL && ttl <= LONGEST_TTL, () -> "the TTL of " + key(token) + " is " + ttl
                + " s, expected 1800 to 7200 s (30 minutes to 2 hours)");
    }

    @RubricCheck("sliding-expiration")
    void slidingExpiration() {
        StudentGame game = game();
        String token = game.login("minsu");
        // as if the user had been idle until one minute before the session expires
        boolean stored = LabRedis.commands().expire(key(token), 60);
        Expect.that(stored, () -> "after login, Redis has no key " + key(token) + " whose TTL could run down");

        Optional<String> user = game.user(token);

        Expect.that(user.equals(Optional.of("minsu")), () -> "user(token) a minute before the session expires returned "
                + user + ", expected Optional[minsu]");
        long ttl = LabRedis.commands().ttl(key(token));
        Notes.add("TTL after the read: " + ttl + " s");
        Expect.that(ttl >= SHORTEST_TTL, () -> "a minute before the session expired, user(token) left its TTL at "
                + ttl + " s, expected it to start over (at least 1800 s): an active user must stay signed in");
    }

    @RubricCheck("logout-deletes")
    void logoutDeletes() {
        StudentGame game = game();
        String token = game.login("minsu");

        game.logout(token);

        Expect.that(LabRedis.commands().exists(key(token)) == 0, () -> key(token) + " is still in Redis after logout");
        Optional<String> after = gameOnSecondServer().user(token);
        Expect.that(after.isEmpty(), () -> "user(token) after logout returned " + after + ", expected Optional.empty");
        game.logout("never-issued");
    }

    @RubricCheck("unknown-token-empty")
    void unknownTokenEmpty() {
        StudentGame game = game();
        String token = game.login("minsu");
        LabRedis.commands().del(key(token));

        Optional<String> expired = game.user(token);
        Optional<String> forged = game.user("forged-token-0000");

        Expect.that(expired.isEmpty(), () -> "user(token) of a session whose key expired returned " + expired
                + ", expected Optional.empty");
        Expect.that(forged.isEmpty(), () -> "user(\"forged-token-0000\") returned " + forged + ", expected Optional.empty");
    }

    @RubricCheck("tokens-unguessable")
    void tokensUnguessable() {
        StudentGame game = game();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = game.login("minsu");
            Expect.that(token.length() >= 16, () -> "login returned the token \"" + token + "\", expected at least 16 "
                    + "random characters: a short or counted token can be guessed");
            tokens.add(token);
        }
        Expect.that(tokens.size() == 20, () -> "20 logins gave only " + tokens.size() + " different tokens");
    }

    @RubricCheck("top-n-order")
    void topNOrder() {
        StudentGame game = game();
        game.addScore("minsu", 30);
        game.addScore("jieun", 50);
        game.addScore("sora", 10);
        game.addScore("minsu", 40);
        game.addScore("dohyun", 20);

        List<Ranked> top = game.top(3);

        List<Ranked> expected = List.of(new Ranked(1, "minsu", 70), new Ranked(2, "jieun", 50), new Ranked(3, "dohyun", 20));
        Expect.that(top.equals(expected), () -> "after minsu +30, jieun +50, sora +10, minsu +40 and dohyun +20, top(3) "
                + "returned " + top + ", expected " + expected);
        List<Ranked> all = gameOnSecondServer().top(10);
        Expect.that(all.size() == 4, () -> "top(10) with 4 players returned " + all.size() + " of them: " + all);
    }

    @RubricCheck("rank-of-player")
    void rankOfPlayer() {
        StudentGame game = game();
        game.addScore("minsu", 30);
        game.addScore("jieun", 50);
        game.addScore("sora", 10);

        Optional<Ranked> sora = game.rankOf("sora");
        Optional<Ranked> nobody = game.rankOf("nobody");

        Expect.that(sora.equals(Optional.of(new Ranked(3, "sora", 10))), () -> "rankOf(\"sora\") with scores jieun 50, "
                + "minsu 30, sora 10 returned " + sora + ", expected " + Optional.of(new Ranked(3, "sora", 10)));
        Expect.that(nobody.isEmpty(), () -> "rankOf(\"nobody\") for a player with no score returned " + nobody
                + ", expected Optional.empty");
    }

    @RubricCheck("concurrent-increments")
    void concurrentIncrements() throws InterruptedException {
        List<StudentGame> servers = List.of(game(), gameOnSecondServer());
        int threads = 8;
        int each = 50;
        List<Thread> adding = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            StudentGame game = servers.get(i % 2);
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < each; n++) {
                        game.addScore("minsu", 1);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "adding-" + i);
            thread.setDaemon(true);
            adding.add(thread);
        }
        adding.forEach(Thread::start);
        for (Thread thread : adding) {
            thread.join(Duration.ofSeconds(8).toMillis());
        }
        Expect.that(failures.isEmpty(), () -> failures.get(0).getMessage());
        Expect.that(adding.stream().noneMatch(Thread::isAlive), () -> "400 addScore calls had not all returned after 8 s");

        Optional<Ranked> minsu = game().rankOf("minsu");

        Expect.that(minsu.map(Ranked::score).equals(Optional.of((long) threads * each)), () -> threads + " threads on "
                + "two servers each called addScore(\"minsu\", 1) " + each + " times, and minsu's score is "
                + minsu.map(r -> String.valueOf(r.score())).orElse("missing") + ", expected " + threads * each
                + ": increments were lost (read, add and write back is not atomic; ZINCRBY is)");
    }

    @RubricCheck("ties-by-name")
    void tiesByName() {
        StudentGame game = game();
        for (String player : List.of("sora", "minsu", "jieun")) {
            game.addScore(player, 40);
        }
        game.addScore("dohyun", 90);

        List<Ranked> top = game.top(4);
        Optional<Ranked> sora = game.rankOf("sora");

        List<Ranked> expected = List.of(new Ranked(1, "dohyun", 90), new Ranked(2, "jieun", 40),
                new Ranked(3, "minsu", 40), new Ranked(4, "sora", 40));
        Expect.that(top.equals(expected), () -> "with dohyun 90 and jieun, minsu, sora all at 40, top(4) returned " + top
                + ", expected " + expected + ": equal scores go in the order of the players' names");
        Expect.that(sora.equals(Optional.of(new Ranked(4, "sora", 40))), () -> "rankOf(\"sora\") returned " + sora
                + ", expected " + Optional.of(new Ranked(4, "sora", 40)) + ", its place in top");
    }
}

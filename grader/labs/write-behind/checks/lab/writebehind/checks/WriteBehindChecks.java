package lab.writebehind.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.Expect;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.Notes;
import io.coursekit.lab.check.RubricCheck;
import io.coursekit.lab.check.Timing;
import lab.writebehind.Profile;
import lab.writebehind.ProfileStore;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rubric of the write-behind lab, one method per check of lab.yaml. */
final class WriteBehindChecks {
    /** The lab promises a flush within 1 s of a save; the checks allow three times that on a busy machine. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(3);
    private static final Profile MINSU = new Profile("minsu", "민수", 1);
    private static final Profile JIEUN = new Profile("jieun", "지은", 4);
    private static final Profile SORA = new Profile("sora", "소라", 7);

    private final List<StudentStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(StudentStore::closeQuietly);
    }

    private StudentStore store(ProfileTable table) {
        return opened(new StudentStore(AppServer.first().newInstance(ProfileStore.class, table)));
    }

    private StudentStore storeOnSecondServer(ProfileTable table) {
        return opened(new StudentStore(AppServer.second().newInstance(ProfileStore.class, table)));
    }

    private StudentStore opened(StudentStore store) {
        opened.add(store);
        return store;
    }

    @RubricCheck("read-your-writes")
    void readYourWrites() {
        ProfileTable table = new ProfileTable();
        table.down(true);
        StudentStore store = store(table);

        store.save(MINSU);

        Optional<Profile> same = store.find("minsu");
        Expect.that(same.equals(Optional.of(MINSU)), () -> "with the database down, find(\"minsu\") right after "
                + "save returned " + same + ", expected " + Optional.of(MINSU));
        Optional<Profile> other = storeOnSecondServer(table).find("minsu");
        Expect.that(other.equals(Optional.of(MINSU)), () -> "with the database down, find(\"minsu\") on a second "
                + "server returned " + other + ", expected " + Optional.of(MINSU) + " from Redis; keys in Redis: "
                + LabRedis.commands().keys("*"));
    }

    @RubricCheck("save-is-fast")
    void saveIsFast() {
        ProfileTable table = new ProfileTable();
        table.answerAfter(Duration.ofMillis(200));
        StudentStore store = store(table);
        int[] level = {0};

        Timing.Verdict verdict = Timing.medianAtMost(AppServer.first(), Duration.ofMillis(20), 20, () -> {
            store.save(new Profile("minsu", "민수", ++level[0]));
            return null;
        });

        Notes.add(verdict.describe());
        Expect.that(verdict.within(), () -> String.format(Locale.ROOT, "with a database that takes 200 ms per batch, "
                + "the median save took %.1f ms above a bare round trip of %.1f ms, expected at most 20 ms: save "
                + "must not wait for the database", verdict.overMillis(), verdict.roundTripMillis()));
    }

    @RubricCheck("database-eventually-matches")
    void databaseEventuallyMatches() {
        ProfileTable table = new ProfileTable();
        StudentStore store = store(table);
        List<Profile> saved = List.of(MINSU, JIEUN, SORA);
        saved.forEach(store::save);

        Duration took = Expect.eventually(EVENTUALLY, () -> saved.stream().allMatch(p -> table.row(p.userId())
                .equals(Optional.of(p))), () -> "3 s after saving " + saved + " the database holds " + rows(table, saved));

        Notes.add("the database had all 3 profiles " + took.toMillis() + " ms after the last save");
    }

    @RubricCheck("retry-after-failed-flush")
    void retryAfterFailedFlush() {
        ProfileTable table = new ProfileTable();
        table.failNext(1);
        StudentStore store = store(table);
        List<Profile> saved = List.of(MINSU, JIEUN);
        saved.forEach(store::save);

        Expect.eventually(EVENTUALLY, () -> saved.stream().allMatch(p -> table.row(p.userId()).equals(Optional.of(p))),
                () -> "the first batch written failed with DatabaseUnavailable; 3 s after saving " + saved
                        + " the database holds " + rows(table, saved) + " after " + table.batches() + " batch(es): "
                        + "a failed batch must be written again");
    }

    @RubricCheck("order-per-key")
    void orderPerKey() {
        ProfileTable table = new ProfileTable();
        StudentStore store = store(table);
        int saves = 30;
        for (int level = 1; level <= saves; level++) {
            store.save(new Profile("minsu", "민수", level));
            store.save(new Profile("jieun", "지은", level));
        }
        Profile last = new Profile("minsu", "민수", saves);

        Expect.eventually(EVENTUALLY, () -> table.row("minsu").equals(Optional.of(last)),
                () -> "3 s after saving levels 1 to " + saves + " of minsu, the database holds " + table.row("minsu")
                        + ", expected the last save, " + last + "; levels written in order: " + table.levelsWritten("minsu"));
        List<Integer> levels = table.levelsWritten("minsu");
        for (int i = 1; i < levels.size(); i++) {
            int at = i;
            Expect.that(levels.get(at) >= levels.get(at - 1), () -> "the database was given minsu's level "
                    + levels.get(at) + " after level " + levels.get(at - 1) + ": an older write overwrote a newer one "
                    + "(levels written in order: " + levels + ")");
        }
    }

    @RubricCheck("coalesces-writes")
    void coalescesWrites() {
        // the database is down while the saves are made and until a flush of the last one failed, so however fast or
        // slow the saves come, they are all pending at once when it is back
        ProfileTable table = new ProfileTable();
        table.down(true);
        StudentStore store = store(table);
        int saves = 50;
        for (int level = 1; level <= saves; level++) {
            store.save(new Profile("minsu", "민수", level));
        }
        Profile last = new Profile("minsu", "민수", saves);
        Expect.eventually(EVENTUALLY, () -> table.refused(last), () -> "no batch with " + last + " was tried in the "
                + "3 s after it was saved: the database must be written within 1 s of a save");
        table.down(false);

        Expect.eventually(EVENTUALLY, () -> table.row("minsu").equals(Optional.of(last)),
                () -> "3 s after 50 saves of minsu, made while the database was down, the database holds "
                        + table.row("minsu") + ", expected " + last);
        int rows = table.levelsWritten("minsu").size();
        Notes.add(saves + " saves of one profile reached the database as " + rows + " row write(s)");
        Expect.that(rows <= 2, () -> "50 saves of one profile, pending while the database was down, reached it as "
                + rows + " row writes, expected at most 2: a write-behind cache writes the latest value of a key once "
                + "per flush, not every save");
    }

    @RubricCheck("close-flushes-pending")
    void closeFlushesPending() {
        ProfileTable table = new ProfileTable();
        table.answerAfter(Duration.ofMillis(50));
        StudentStore store = store(table);
        List<Profile> saved = List.of(MINSU, JIEUN, SORA);
        saved.forEach(store::save);

        store.close();

        Expect.that(saved.stream().allMatch(p -> table.row(p.userId()).equals(Optional.of(p))), () -> "when close() "
                + "returned right after saving " + saved + ", the database held " + rows(table, saved)
                + ": writes still pending when the service stops are lost");
    }

    @RubricCheck("find-falls-back-to-database")
    void findFallsBackToDatabase() {
        ProfileTable table = new ProfileTable(SORA);
        StudentStore store = store(table);

        Optional<Profile> stored = store.find("sora");
        Optional<Profile> missing = store.find("nobody");

        Expect.that(stored.equals(Optional.of(SORA)), () -> "find(\"sora\"), a profile only the database has, "
                + "returned " + stored + ", expected " + Optional.of(SORA));
        Expect.that(missing.isEmpty(), () -> "find(\"nobody\"), in neither Redis nor the database, returned " + missing
                + ", expected Optional.empty");
    }

    private static String rows(ProfileTable table, List<Profile> saved) {
        return saved.stream().map(p -> p.userId() + "=" + table.row(p.userId()).map(Profile::toString).orElse("nothing"))
                .toList().toString();
    }
}

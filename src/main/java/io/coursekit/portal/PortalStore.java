package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.report.StudentGrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The portal's lasting state in one SQLite file ({@code portal.db} in the data folder): students and their tokens,
 * sessions, and every submission with its status and latest gradebook row. Each change is one transaction, committed
 * to disk before the portal answers, so a killed portal restarts with everything it had said yes to. The submissions'
 * sources and reports are files beside it ({@link SubmissionFiles}).
 */
public final class PortalStore implements AutoCloseable {
    public static final String FILE = "portal.db";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SESSION_LIFE = Duration.ofDays(14);
    private static final String SUBMISSION_COLUMNS = "id, student, number, received, digest, files, attempt, status, "
            + "problem, row, views, graded, gradings, worker";

    private final Connection db;
    private final Path file;

    private PortalStore(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** Opens, or creates, the store of the portal whose data folder is {@code dataDir}. */
    public static PortalStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS students (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                        + "email TEXT NOT NULL, section TEXT NOT NULL, lms_id TEXT NOT NULL, token TEXT UNIQUE NOT NULL, "
                        + "active INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, student TEXT, "
                        + "instructor INTEGER NOT NULL, csrf TEXT NOT NULL, created INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS submissions (id TEXT PRIMARY KEY, student TEXT NOT NULL, "
                        + "number INTEGER NOT NULL, received INTEGER NOT NULL, digest TEXT NOT NULL, files INTEGER NOT NULL, "
                        + "attempt INTEGER NOT NULL, status TEXT NOT NULL, problem TEXT NOT NULL, row TEXT, "
                        + "views TEXT NOT NULL, graded INTEGER, gradings INTEGER NOT NULL, worker TEXT NOT NULL, "
                        + "UNIQUE (student, number))");
                s.execute("CREATE INDEX IF NOT EXISTS submissions_by_student ON submissions (student, received)");
            }
            return new PortalStore(db, file);
        } catch (IOException | SQLException e) {
            throw new UserError(file + ": cannot open the portal's store: " + e.getMessage(), e);
        }
    }

    /** A new random secret: 24 bytes, URL-safe. */
    public static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- the portal itself

    /**
     * The lab this data folder belongs to: set by the first portal or tokens run, and a different lab afterwards is
     * refused, since its submissions would be scored by the wrong rubric.
     */
    public synchronized void claimLab(String lab) {
        String kept = metaOrSet("lab", lab);
        if (!kept.equals(lab)) {
            throw new UserError(file + " holds the submissions of lab " + kept + ", not " + lab
                    + ": give each lab its own --data folder");
        }
    }

    /** This portal's name on the queue, so several portals can share one queue Redis. */
    public synchronized String portalId() {
        return metaOrSet("portal", HexFormat.of().formatHex(RANDOM.generateSeed(6)));
    }

    public synchronized String adminToken() {
        return metaOrSet("admin-token", secret());
    }

    // ---- students

    /** A student with the token that signs them in. */
    public record Account(Student student, String token) {
    }

    /**
     * Makes the roster the class: new students get a token, students already known keep theirs (their names and
     * sections are updated), and students no longer on the roster can no longer sign in.
     */
    public synchronized List<Account> enrol(List<Student> roster) {
        return transaction(() -> {
            try (PreparedStatement off = db.prepareStatement("UPDATE students SET active = 0")) {
                off.executeUpdate();
            }
            List<Account> accounts = new ArrayList<>();
            for (Student student : roster) {
                String token = token(student.id()).orElseGet(PortalStore::secret);
                try (PreparedStatement put = db.prepareStatement("INSERT INTO students (id, name, email, section, lms_id, "
                        + "token, active) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                        + "email = excluded.email, section = excluded.section, lms_id = excluded.lms_id, active = 1")) {
                    bind(put, student.id(), student.name(), student.email(), student.section(), student.lmsUserId(), token);
                    put.executeUpdate();
                }
                accounts.add(new Account(student, token));
            }
            return accounts;
        });
    }

    /** The students who may sign in, in roster order by id. */
    public synchronized List<Student> students() {
        return query("SELECT id, name, email, section, lms_id FROM students WHERE active = 1 ORDER BY id",
                r -> new Student(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
    }

    /** A student who may sign in. */
    public synchronized Optional<Student> student(String id) {
        return query("SELECT id, name, email, section, lms_id FROM students WHERE id = ? AND active = 1",
                r -> new Student(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)), id)
                .stream().findFirst();
    }

    public synchronized Optional<Student> studentWithToken(String token) {
        return query("SELECT id, name, email, section, lms_id FROM students WHERE token = ? AND active = 1",
                r -> new Student(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)), token)
                .stream().findFirst();
    }

    private Optional<String> token(String student) throws SQLException {
        try (PreparedStatement get = db.prepareStatement("SELECT token FROM students WHERE id = ?")) {
            get.setString(1, student);
            try (ResultSet r = get.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    // ---- sessions

    /** A signed-in browser: a student's, or the instructor's when {@code student} is empty. */
    public record Session(String id, Optional<String> student, boolean instructor, String csrf) {
    }

    public synchronized Session openSession(Optional<String> student, boolean instructor, Instant now) {
        Session session = new Session(secret(), student, instructor, secret());
        update("DELETE FROM sessions WHERE created < ?", now.minus(SESSION_LIFE).toEpochMilli());
        update("INSERT INTO sessions (id, student, instructor, csrf, created) VALUES (?, ?, ?, ?, ?)", session.id(),
                student.orElse(null), instructor ? 1 : 0, session.csrf(), now.toEpochMilli());
        return session;
    }

    public synchronized Optional<Session> session(String id, Instant now) {
        return query("SELECT id, student, instructor, csrf FROM sessions WHERE id = ? AND created >= ?",
                r -> new Session(r.getString(1), Optional.ofNullable(r.getString(2)), r.getInt(3) == 1, r.getString(4)),
                id, now.minus(SESSION_LIFE).toEpochMilli()).stream().findFirst();
    }

    public synchronized void closeSession(String id) {
        update("DELETE FROM sessions WHERE id = ?", id);
    }

    // ---- submissions

    /** Stores a new submission of {@code student} as queued, with the next number; the sources are on disk already. */
    public synchronized StoredSubmission add(String id, String student, Instant received, String digest, int files) {
        return transaction(() -> {
            int number = query("SELECT COALESCE(MAX(number), 0) + 1 FROM submissions WHERE student = ?",
                    r -> r.getInt(1), student).get(0);
            try (PreparedStatement put = db.prepareStatement("INSERT INTO submissions (" + SUBMISSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, '', NULL, '', NULL, 0, '')")) {
                bind(put, id, student, number, received.toEpochMilli(), digest, files, SubmissionStatus.QUEUED.apiName());
                put.executeUpdate();
            }
            return submission(id).orElseThrow();
        });
    }

    public synchronized Optional<StoredSubmission> submission(String id) {
        return query("SELECT " + SUBMISSION_COLUMNS + " FROM submissions WHERE id = ?", PortalStore::submission, id)
                .stream().findFirst();
    }

    /** A student's submissions, oldest first. */
    public synchronized List<StoredSubmission> submissionsOf(String student) {
        return query("SELECT " + SUBMISSION_COLUMNS + " FROM submissions WHERE student = ? ORDER BY number",
                PortalStore::submission, student);
    }

    /** Every submission, by student and then oldest first. */
    public synchronized List<StoredSubmission> submissions() {
        return query("SELECT " + SUBMISSION_COLUMNS + " FROM submissions ORDER BY student, number", PortalStore::submission);
    }

    /** Submissions still waiting for a grading, oldest first: after a restart, they are queued again. */
    public synchronized List<StoredSubmission> unfinished() {
        return query("SELECT " + SUBMISSION_COLUMNS + " FROM submissions WHERE status NOT IN ('graded', 'failed') "
                + "ORDER BY received", PortalStore::submission);
    }

    /** Moves an unfinished grading on; an event of an older attempt, or after the result, changes nothing. */
    public synchronized boolean progress(String id, int attempt, SubmissionStatus status, String worker) {
        return update("UPDATE submissions SET status = ?, worker = ? WHERE id = ? AND attempt = ? "
                + "AND status NOT IN ('graded', 'failed')", status.apiName(), worker, id, attempt) == 1;
    }

    /** Stores a grading's result once: a second result of the same attempt changes nothing and returns false. */
    public synchronized boolean graded(String id, int attempt, StudentGrade row, List<String> views, String worker,
                                       Instant now) {
        return update("UPDATE submissions SET status = 'graded', problem = '', row = ?, views = ?, graded = ?, "
                        + "gradings = gradings + 1, worker = ? WHERE id = ? AND attempt = ? AND status NOT IN ('graded', 'failed')",
                row.jsonLine(), String.join(",", views), now.toEpochMilli(), worker, id, attempt) == 1;
    }

    public synchronized boolean failed(String id, int attempt, String problem, String worker, Instant now) {
        return update("UPDATE submissions SET status = 'failed', problem = ?, graded = ?, worker = ? WHERE id = ? "
                + "AND attempt = ? AND status NOT IN ('graded', 'failed')", problem, now.toEpochMilli(), worker, id, attempt) == 1;
    }

    /** Starts a new attempt of every submission; returns them, queued. */
    public synchronized List<StoredSubmission> regradeAll() {
        return transaction(() -> {
            update("UPDATE submissions SET attempt = attempt + 1, status = 'queued', problem = ''");
            return submissions();
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing a store whose file went away: nothing left to keep
        }
    }

    private static StoredSubmission submission(ResultSet r) throws SQLException {
        String row = r.getString(10);
        long graded = r.getLong(12);
        boolean wasGraded = !r.wasNull();
        String views = r.getString(11);
        return new StoredSubmission(r.getString(1), r.getString(2), r.getInt(3), Instant.ofEpochMilli(r.getLong(4)),
                r.getString(5), r.getInt(6), r.getInt(7), SubmissionStatus.named(r.getString(8)).orElseThrow(),
                r.getString(9), Optional.ofNullable(row).map(line -> StudentGrade.fromJsonLine(line, "portal.db")),
                views.isEmpty() ? List.of() : Arrays.asList(views.split(",")),
                wasGraded ? Optional.of(Instant.ofEpochMilli(graded)) : Optional.empty(), r.getInt(13), r.getString(14));
    }

    private String metaOrSet(String key, String value) {
        update("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", key, value);
        return query("SELECT value FROM meta WHERE key = ?", r -> r.getString(1), key).get(0);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... values) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet r = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(row.read(r));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T transaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException(file + ": " + e.getMessage(), e);
    }
}

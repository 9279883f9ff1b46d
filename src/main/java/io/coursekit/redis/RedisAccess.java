package io.coursekit.redis;

import io.coursekit.UserError;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How the grader reaches its Redis: as an administrator, for emptying it and looking into it, and the restricted user
 * the fault proxy logs student connections in as. The student user may not run administrative or dangerous commands
 * (CONFIG, ACL, SHUTDOWN, DEBUG, MODULE, CLIENT KILL, MONITOR, ...), so no submission can reconfigure the Redis its
 * classmates are graded on; neither password ever enters a sandbox.
 */
public record RedisAccess(URI admin, StudentLogin student, List<String> grantedCommands) {
    static final String STUDENT_USER = "coursekit-student";
    /** Everything a cache needs; what reconfigures, spies on or stops the server is left out. */
    private static final List<String> STUDENT_RULES = List.of("+@all", "-@admin", "-@dangerous");
    /** Commands of the dangerous category a cache may use; granted where the server has them (SORT_RO is Redis 7). */
    private static final List<String> STUDENT_COMMANDS = List.of("info", "keys", "sort", "sort_ro", "flushdb");

    public RedisAccess {
        grantedCommands = List.copyOf(grantedCommands);
    }

    /**
     * Creates (or resets) the student user on the Redis at {@code admin}, with a new random password; which of
     * {@link #STUDENT_COMMANDS} the server has is asked once, here, not before every submission.
     */
    public static RedisAccess prepare(URI admin) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        try {
            RedisAccess access = new RedisAccess(admin, new StudentLogin(STUDENT_USER, HexFormat.of().formatHex(secret)),
                    knownCommands(admin));
            access.reset();
            return access;
        } catch (IOException e) {
            throw new UserError("the Redis at " + withoutPassword(admin) + " does not let coursekit create a restricted "
                    + "user for student code (" + e.getMessage() + "): give the address of a Redis 6 or later, as a "
                    + "user allowed to run ACL SETUSER");
        }
    }

    /**
     * Puts the student user back as {@link #prepare} made it and drops its connections, so every submission starts
     * on a Redis whose configuration the grader has just set.
     */
    public void reset() throws IOException {
        List<String> rules = new ArrayList<>(List.of("ACL", "SETUSER", student.user(), "reset", "on"));
        rules.addAll(STUDENT_RULES);
        rules.addAll(grantedCommands.stream().map(command -> "+" + command).toList());
        RedisWire.call(admin, rules.toArray(String[]::new));
        RedisWire.call(admin, "ACL", "SETUSER", student.user(), ">" + student.password(), "~*", "&*");
        RedisWire.call(admin, "CLIENT", "KILL", "USER", student.user());
    }

    private static List<String> knownCommands(URI admin) throws IOException {
        List<String> query = new ArrayList<>(List.of("COMMAND", "INFO"));
        query.addAll(STUDENT_COMMANDS);
        List<String> info = RedisWire.strings(admin, query.toArray(String[]::new));
        List<String> known = new ArrayList<>();
        for (int i = 0; i < STUDENT_COMMANDS.size(); i++) {
            if (!"null".equals(info.get(i))) {
                known.add(STUDENT_COMMANDS.get(i));
            }
        }
        return known;
    }

    private static String withoutPassword(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}

package io.coursekit.redis;

import io.coursekit.UserError;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * How the grader reaches its Redis: as an administrator, for emptying it and looking into it, and the restricted user
 * the fault proxy logs student connections in as. The student user may not run administrative or dangerous commands
 * (CONFIG, ACL, SHUTDOWN, DEBUG, MODULE, CLIENT KILL, MONITOR, ...), so no submission can reconfigure the Redis its
 * classmates are graded on; neither password ever enters a sandbox.
 */
public record RedisAccess(URI admin, StudentLogin student) {
    static final String STUDENT_USER = "coursekit-student";
    /** Everything a cache needs; what reconfigures, spies on or stops the server is left out. */
    private static final List<String> STUDENT_RULES = List.of("+@all", "-@admin", "-@dangerous",
            "+info", "+keys", "+sort", "+sort_ro", "+flushdb");

    /** Creates (or resets) the student user on the Redis at {@code admin}, with a new random password. */
    public static RedisAccess prepare(URI admin) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        RedisAccess access = new RedisAccess(admin, new StudentLogin(STUDENT_USER, HexFormat.of().formatHex(secret)));
        try {
            access.reset();
        } catch (IOException e) {
            throw new UserError("the Redis at " + withoutPassword(admin) + " does not let coursekit create a restricted "
                    + "user for student code (" + e.getMessage() + "): give the address of a Redis 6 or later, as a "
                    + "user allowed to run ACL SETUSER");
        }
        return access;
    }

    /**
     * Puts the student user back as {@link #prepare} made it and drops its connections, so every submission starts
     * on a Redis whose configuration the grader has just set.
     */
    public void reset() throws IOException {
        String[] rules = new String[5 + STUDENT_RULES.size()];
        rules[0] = "ACL";
        rules[1] = "SETUSER";
        rules[2] = student.user();
        rules[3] = "reset";
        rules[4] = "on";
        for (int i = 0; i < STUDENT_RULES.size(); i++) {
            rules[5 + i] = STUDENT_RULES.get(i);
        }
        RedisWire.call(admin, rules);
        RedisWire.call(admin, "ACL", "SETUSER", student.user(), ">" + student.password(), "~*", "&*");
        RedisWire.call(admin, "CLIENT", "KILL", "USER", student.user());
    }

    private static String withoutPassword(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}

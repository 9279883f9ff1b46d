package io.coursekit.batch;

import io.coursekit.UserError;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads student ids out of the names LMS downloads give submissions:
 * <ul>
 * <li>Canvas: {@code lastnamefirstname[_late|LATE]_<userid>_<submissionid>_<original>} → {@code lastnamefirstname}
 * (the user id is kept for the gradebook's ID column);</li>
 * <li>Moodle: {@code <Full Name>_<participant id>_assignsubmission_file_} → {@code Full Name};</li>
 * <li>GitHub Classroom: {@code <assignment>-<username>} → {@code username}, where the assignment prefix is the
 * longest {@code prefix-} every other name shares;</li>
 * <li>{@code --id-pattern REGEX} replaces all of these: its first group is the id.</li>
 * </ul>
 * A name no rule recognises is its own id.
 */
public final class StudentIds {
    private static final Pattern CANVAS = Pattern.compile("(\\p{Ll}+)(?:_late|LATE)?_(\\d+)_(\\d+)(?:_.*)?");
    private static final Pattern MOODLE = Pattern.compile("(.+?)_(\\d+)_assignsubmission_[a-z]+_?");

    private final Pattern custom;
    private final String classroomPrefix;

    private StudentIds(Pattern custom, String classroomPrefix) {
        this.custom = custom;
        this.classroomPrefix = classroomPrefix;
    }

    /** The rules for one class: the GitHub Classroom prefix is found from all its names at once. */
    public static StudentIds forClass(List<String> names, Optional<String> idPattern) {
        if (idPattern.isPresent()) {
            return new StudentIds(compile(idPattern.get()), "");
        }
        List<String> unrecognised = names.stream()
                .filter(n -> !CANVAS.matcher(n).matches() && !MOODLE.matcher(n).matches()).toList();
        return new StudentIds(null, classroomPrefix(unrecognised));
    }

    public StudentId identify(String name) {
        if (custom != null) {
            Matcher m = custom.matcher(name);
            if (!m.find() || m.group(1) == null || m.group(1).isBlank()) {
                throw new UserError("--id-pattern " + custom.pattern() + " does not match '" + name
                        + "' (its first group must capture the student id)");
            }
            return new StudentId(name, folderSafe(m.group(1)), "", "--id-pattern");
        }
        Matcher canvas = CANVAS.matcher(name);
        if (canvas.matches()) {
            return new StudentId(name, canvas.group(1), canvas.group(2), "canvas");
        }
        Matcher moodle = MOODLE.matcher(name);
        if (moodle.matches()) {
            return new StudentId(name, folderSafe(moodle.group(1).strip()), "", "moodle");
        }
        if (!classroomPrefix.isEmpty() && name.startsWith(classroomPrefix)) {
            return new StudentId(name, folderSafe(name.substring(classroomPrefix.length())), "", "github-classroom");
        }
        return new StudentId(name, folderSafe(name), "", "as-is");
    }

    /** The longest {@code something-} that all names (at least two) start with and none is equal to. */
    private static String classroomPrefix(List<String> names) {
        if (names.size() < 2) {
            return "";
        }
        String common = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        String prefix = common.substring(0, common.lastIndexOf('-') + 1);
        return names.stream().allMatch(n -> n.length() > prefix.length()) ? prefix : "";
    }

    private static Pattern compile(String regex) {
        try {
            Pattern pattern = Pattern.compile(regex);
            if (pattern.matcher("").groupCount() < 1) {
                throw new UserError("--id-pattern " + regex + ": needs a group, e.g. '^(\\w+)_', whose text is the student id");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new UserError("--id-pattern " + regex + ": not a regular expression: " + e.getDescription());
        }
    }

    /** The id as a folder name: path separators and characters file systems refuse become '_'. */
    private static String folderSafe(String id) {
        String safe = id.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" + safe : safe;
    }
}

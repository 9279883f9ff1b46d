package io.coursekit.report;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grader's own reasons (time-outs, exits, cut output, checks that did not run) in the report's language.
 * The grader writes them in English; a check's own reasons stay as its lab pack wrote them.
 */
final class GraderReasons {
    /** Tried in order, the specific before the general; each group becomes {0}, {1}, … of its Korean text. */
    private static final Map<Pattern, String> KOREAN = new LinkedHashMap<>();

    static {
        korean("timed out after (\\d+) s", "{0}초 안에 끝나지 않아 멈췄습니다 (끝나지 않는 반복이나 대기가 있나요?)");
        korean("the JVM exited with status (-?\\d+) during this check",
                "이 검사 도중 JVM이 종료 코드 {0}(으)로 끝났습니다 (System.exit를 부르지 않았나요?)");
        korean("ran out of memory \\(the check JVM's heap is limited to (\\w+)\\)", "메모리가 부족합니다 (검사 JVM의 힙은 {0}로 제한됩니다)");
        korean("ran out of memory", "메모리가 부족합니다");
        korean("output cut at (\\d+) KiB", "출력이 {0} KiB를 넘어 잘랐습니다");
        korean("output cut at (\\d+) KiB; (.*)", "출력이 {0} KiB를 넘어 잘랐습니다; {1}");
        korean("not run: the submission does not compile", "실행하지 않음: 제출물이 컴파일되지 않습니다");
        korean("not run: the submission used up its time limit of (\\d+) s",
                "실행하지 않음: 제출물 전체 제한 시간 {0}초를 앞의 검사들이 다 썼습니다");
        korean("stopped: the submission's time limit of (\\d+) s ran out during this check",
                "중단: 이 검사 도중 제출물 전체 제한 시간 {0}초가 끝났습니다");
        korean("not run: the check JVM ended before running it: (.*)", "실행하지 않음: 검사 JVM이 이 검사 전에 끝났습니다: {0}");
        korean("not run: the check JVM could not be started: (.*)", "실행하지 않음: 검사 JVM을 시작하지 못했습니다: {0}");
        korean("did not run: (.*)", "실행되지 않음: {0}");
        korean("not graded: (.*)", "채점하지 않음: {0}");
        korean("not checked: (.*)", "확인하지 않음: {0}");
    }

    private GraderReasons() {
    }

    private static void korean(String english, String korean) {
        KOREAN.put(Pattern.compile(english, Pattern.DOTALL), korean);
    }

    static String in(String language, String reason) {
        if (!language.equals("ko")) {
            return reason;
        }
        for (Map.Entry<Pattern, String> known : KOREAN.entrySet()) {
            Matcher match = known.getKey().matcher(reason);
            if (match.matches()) {
                Object[] groups = new Object[match.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = match.group(i + 1);
                }
                return new MessageFormat(known.getValue().replace("'", "''"), Locale.ROOT).format(groups);
            }
        }
        return reason;
    }
}

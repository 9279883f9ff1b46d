package io.coursekit.report;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grader's own reasons (time-outs, exits, cut output, checks that did not run, endpoints that cannot be reached)
 * in the report's language. The grader writes them in English; a check's own reasons stay as its lab pack wrote them.
 */
final class GraderReasons {
    /** Tried in order, the specific before the general; each group becomes {0}, {1}, … of its Korean text. */
    private static final Map<Pattern, String> KOREAN = new LinkedHashMap<>();

    static {
        korean("timed out after (\\d+) s", "{0}초 안에 끝나지 않아 멈췄습니다 (끝나지 않는 반복이나 대기가 있나요?)");
        korean("the JVM exited with status (-?\\d+) during this check",
                "이 검사 도중 JVM이 종료 코드 {0}(으)로 끝났습니다 (System.exit를 부르지 않았나요?)");
        korean("the submission called System.exit\\((-?\\d+)\\) during this check",
                "이 검사 도중 제출물이 System.exit({0})을 불렀습니다 (채점 중에는 JVM을 끝낼 수 없고, 이 검사는 실패입니다)");
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
        korean("not run: endpoint unreachable \\(see reachable\\)", "실행하지 않음: 엔드포인트에 연결할 수 없습니다 (reachable 항목을 보세요)");
        korean("not run: TLS handshake failed \\(see reachable\\)", "실행하지 않음: TLS 핸드셰이크에 실패했습니다 (reachable 항목을 보세요)");
        korean("not run: not logged in \\(see reachable\\)", "실행하지 않음: 로그인하지 못했습니다 (reachable 항목을 보세요)");
        korean("NOAUTH: this endpoint needs a password .*",
                "NOAUTH: 이 엔드포인트는 비밀번호가 필요합니다 (비밀번호를 환경 변수에 넣고 그 이름을 --password-env로 주세요)");
        korean("WRONGPASS: the endpoint refused this user name and password", "WRONGPASS: 엔드포인트가 이 사용자 이름과 비밀번호를 거부했습니다");
        korean("unknown host (\\S+): check the endpoint's name .*", "알 수 없는 호스트 {0}: 엔드포인트 이름을 확인하세요 (콘솔에서 복사하세요)");
        korean("connection refused at (\\S+): nothing listens on that port.*",
                "{0}에서 연결이 거부되었습니다: 그 포트에서 기다리는 서버가 없습니다. 포트와 서버가 켜져 있는지 확인하세요");
        korean("no answer within ([\\d.]+) s: does the security group allow port (\\d+) from the grader\\?",
                "{0}초 안에 응답이 없습니다: 보안 그룹이 채점기에서 오는 {1} 포트를 허용하나요?");
        korean("connected to (\\S+) but no answer within ([\\d.]+) s: is encryption in transit on\\?.*",
                "{0}에 연결했지만 {1}초 안에 응답이 없습니다: 전송 중 암호화가 켜져 있나요? (꺼져 있다면 redis://로 주세요)");
        korean("connected to (\\S+) but no answer within ([\\d.]+) s: is it Redis.*",
                "{0}에 연결했지만 {1}초 안에 응답이 없습니다: Redis가 맞나요? TLS(rediss://)로 접속해야 하나요?");
        korean("TLS handshake failed: certificate not trusted .*",
                "TLS 핸드셰이크 실패: 신뢰할 수 없는 인증서입니다 (서명한 CA를 --ca-file로 주세요)");
        korean("TLS handshake failed: the certificate is not for (\\S+) .*",
                "TLS 핸드셰이크 실패: 인증서가 {0}의 것이 아닙니다 (인증서에 적힌 이름으로 접속하세요)");
        korean("TLS handshake failed: the certificate has expired", "TLS 핸드셰이크 실패: 인증서가 만료되었습니다");
        korean("TLS handshake failed: (.*)", "TLS 핸드셰이크 실패: {0}");
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

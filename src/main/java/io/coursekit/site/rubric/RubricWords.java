package io.coursekit.site.rubric;

import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import io.coursekit.lab.Visibility;

import java.time.Duration;
import java.util.List;

/** The words of a rubric table in the course's language; the hints come from lab.yaml in the same language. */
record RubricWords(String language, List<String> headings, String total, String points, String extraCredit,
                   String seconds, String visible, String afterDueDate, String hidden, String hiddenHint,
                   String gradeCaption, String endpointCaption, String source) {

    static RubricWords of(String language) {
        if ("en".equals(language)) {
            return new RubricWords("en", List.of("Check", "Points", "Result shown", "Time limit", "Hint when it fails"),
                    "Total", "%d", "+%d extra credit", "%d s", "right away", "after the due date", "never",
                    "(hidden check)", "%s: graded by coursekit grade", "%s: deployed endpoint, checked by coursekit endpoint",
                    "Read from %s, the rubric the grader scores by.");
        }
        return new RubricWords("ko", List.of("검사 항목", "배점", "결과 공개", "제한 시간", "실패할 때 힌트"),
                "합계", "%d점", "추가 점수 +%d점", "%d초", "바로", "마감 후", "공개 안 함",
                "(비공개 검사)", "%s: coursekit grade로 채점", "%s: 배포한 엔드포인트, coursekit endpoint로 확인",
                "채점기가 쓰는 %s에서 그대로 읽은 표입니다.");
    }

    String points(Check check) {
        return check.extraCredit() ? extraCredit.formatted(check.points()) : points.formatted(check.points());
    }

    String total(List<Check> checks) {
        int regular = checks.stream().filter(c -> !c.extraCredit()).mapToInt(Check::points).sum();
        int extra = checks.stream().filter(Check::extraCredit).mapToInt(Check::points).sum();
        return points.formatted(regular) + (extra == 0 ? "" : ", " + extraCredit.formatted(extra));
    }

    String visibility(Visibility shown) {
        return switch (shown) {
            case VISIBLE -> visible;
            case AFTER_DUE_DATE -> afterDueDate;
            case HIDDEN -> hidden;
        };
    }

    String seconds(Duration limit) {
        return seconds.formatted(limit.toSeconds());
    }

    /** A hidden check's hint would give away what Gradescope keeps from students. */
    String hint(Check check) {
        return check.visibility() == Visibility.HIDDEN ? hiddenHint : check.hint().in(language);
    }

    String gradeCaption(Lab lab) {
        return gradeCaption.formatted(lab.title());
    }

    String endpointCaption(Lab lab) {
        return endpointCaption.formatted(lab.title());
    }

    String source(Lab lab) {
        return source.formatted("grader/labs/" + lab.dir().getFileName() + "/lab.yaml");
    }
}

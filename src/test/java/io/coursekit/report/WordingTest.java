package io.coursekit.report;

import io.coursekit.grader.Reason;
import io.coursekit.grader.Reason.EndpointProblem.Endpoint;
import io.coursekit.grader.SourceNote;
import io.coursekit.rpc.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTest {
    private static final Wording KOREAN = Wording.of("ko");
    private static final Wording ENGLISH = Wording.of("en");

    @Test
    void endpointProblemsReadInKoreanWithTheirAddressesAndPorts() {
        assertThat(KOREAN.reason(new Reason.EndpointProblem(Endpoint.REFUSED, List.of("127.0.0.1:6380"))))
                .startsWith("127.0.0.1:6380에서 연결이 거부되었습니다");
        assertThat(KOREAN.reason(new Reason.EndpointProblem(Endpoint.NO_ANSWER, List.of("3 s", "6379"))))
                .isEqualTo("3 s 안에 응답이 없습니다: 보안 그룹이 채점기에서 오는 6379 포트를 허용하나요?");
        assertThat(ENGLISH.reason(new Reason.EndpointProblem(Endpoint.NO_ANSWER, List.of("3 s", "6379"))))
                .isEqualTo("no answer within 3 s: does the security group allow port 6379 from the grader?");
        assertThat(KOREAN.reason(new Reason.EndpointProblem(Endpoint.TLS_UNTRUSTED, List.of())))
                .isEqualTo("TLS 핸드셰이크 실패: 신뢰할 수 없는 인증서입니다 (서명한 CA를 --ca-file로 주세요)");
    }

    @Test
    void anExitReadsInKoreanWithItsStatusAndAKillWithItsSignal() {
        assertThat(KOREAN.reason(new Reason.StudentJvmEnded(3))).startsWith("이 검사 도중 제출물의 JVM이 종료 코드 3(으)로 끝났습니다");
        assertThat(ENGLISH.reason(new Reason.StudentJvmEnded(137)))
                .startsWith("the submission's JVM was stopped by signal 9 during this check");
    }

    @Test
    void aReasonInsideAReasonIsWordedToo() {
        Reason cut = new Reason.OutputCut(64, new Reason.TimedOut(10));
        assertThat(ENGLISH.reason(cut)).isEqualTo("output cut at 64 KiB; timed out after 10 s");
        assertThat(KOREAN.reason(cut)).isEqualTo("출력이 64 KiB를 넘어 잘랐습니다; 10초 안에 끝나지 않아 멈췄습니다 (끝나지 않는 반복이나 대기가 있나요?)");
    }

    @Test
    void theLabsOwnWordsStayAsWrittenWithTheirQuotesAndBraces() {
        String said = "expected 'product:42' {a JSON object}, it's -1";
        assertThat(KOREAN.reason(new Reason.Said(said))).isEqualTo(said);
        assertThat(ENGLISH.reason(new Reason.StudentThrew("java.lang.IllegalStateException", "it's {broken}", "Foo.java:3")))
                .isEqualTo("the submission's code threw java.lang.IllegalStateException: it's {broken} (at Foo.java:3)");
    }

    @Test
    void aMissingConstructorNamesTheOneTheLabPromises() {
        Reason missing = new Reason.StudentClassProblem(Message.Refusal.NO_CONSTRUCTOR,
                "lab.cacheaside.CacheAsideProductService", "CacheAsideProductService()",
                "CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis)");
        assertThat(ENGLISH.reason(missing)).isEqualTo("CacheAsideProductService has no public constructor "
                + "CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis); it has: "
                + "CacheAsideProductService()");
    }

    @Test
    void notesSayWhichFileAndWhy() {
        assertThat(ENGLISH.note(new SourceNote("src/Store.java", SourceNote.Kind.READ_AS_MS949, "")))
                .isEqualTo("src/Store.java: not valid UTF-8, so read as MS949 (EUC-KR), as Korean Windows editors save it");
        assertThat(KOREAN.note(new SourceNote("src/Product.java", SourceNote.Kind.API_COPY, "lab.cacheaside.Product")))
                .isEqualTo("src/Product.java: 무시함; 실습에서 주는 lab.cacheaside.Product을(를) 씁니다");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(keys("ko")).isEqualTo(keys("en"));
    }

    private static Set<String> keys(String language) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Wording.class.getResourceAsStream("wording_" + language + ".properties")) {
            texts.load(in);
        }
        return texts.stringPropertyNames().stream().collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}

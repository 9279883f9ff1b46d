package io.coursekit.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraderReasonsTest {

    @Test
    void endpointMessagesReadInKoreanWithTheirAddressesAndPorts() {
        assertThat(GraderReasons.in("ko", "connection refused at 127.0.0.1:6380: nothing listens on that port; check the "
                + "port and that the server is running")).startsWith("127.0.0.1:6380에서 연결이 거부되었습니다");
        assertThat(GraderReasons.in("ko", "no answer within 3 s: does the security group allow port 6379 from the grader?"))
                .isEqualTo("3초 안에 응답이 없습니다: 보안 그룹이 채점기에서 오는 6379 포트를 허용하나요?");
        assertThat(GraderReasons.in("ko", "TLS handshake failed: certificate not trusted (give the CA that signed it with --ca-file)"))
                .isEqualTo("TLS 핸드셰이크 실패: 신뢰할 수 없는 인증서입니다 (서명한 CA를 --ca-file로 주세요)");
        assertThat(GraderReasons.in("ko", "not checked: line 6 (eve): endpoint 'http://x' must start with redis://"))
                .isEqualTo("확인하지 않음: line 6 (eve): endpoint 'http://x' must start with redis://");
    }

    @Test
    void anExitReadsInKoreanWithItsStatus() {
        assertThat(GraderReasons.in("ko", "the submission called System.exit(3) during this check"))
                .startsWith("이 검사 도중 제출물이 System.exit(3)을 불렀습니다");
    }

    @Test
    void englishAndUnknownReasonsStayAsWritten() {
        String refused = "connection refused at 127.0.0.1:6380: nothing listens on that port";
        assertThat(GraderReasons.in("en", refused)).isEqualTo(refused);
        assertThat(GraderReasons.in("ko", "instance B called findById 1 time(s)")).isEqualTo("instance B called findById 1 time(s)");
    }
}

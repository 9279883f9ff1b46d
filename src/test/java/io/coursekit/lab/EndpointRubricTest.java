package io.coursekit.lab;

import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointRubricTest {
    private static final String LAB = """
            id: demo
            title: "Demo"
            package: lab.demo
            student: {class: lab.demo.DemoService, constructor: "DemoService()"}
            limits: {time_seconds: 60, memory_mb: 256, output_kib: 16}
            checks:
              - {id: first-check, points: 10, visibility: visible, timeout_seconds: 5, hint: {ko: "첫", en: "first"}}
            """;
    private static final String ENDPOINT = """
            endpoint:
              connect_timeout_seconds: 2
              requires_auth: true
              tls: optional
              engines: {valkey: ">=7.2", redis: ">=7.0, <8"}
              eviction_policies: [allkeys-lru, volatile-lru]
              min_replicas: 2
              cluster_mode: enabled
              app_keys: {pattern: "product:*", ttl_max_seconds: 1800, sample: 50}
              latency_p99_ms: 15
              checks:
                - {id: reachable, points: 10, visibility: visible, timeout_seconds: 3, hint: {ko: "주소", en: "address"}}
                - {id: latency, points: 4, extra_credit: true, visibility: hidden, timeout_seconds: 5, hint: {ko: "느림", en: "slow"}}
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheEndpointSection() throws IOException {
        EndpointRubric rubric = Lab.load(write(LAB + ENDPOINT)).endpoint().orElseThrow();
        assertThat(rubric.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rubric.requiresAuth()).isTrue();
        assertThat(rubric.tlsRequired()).isFalse();
        assertThat(rubric.clusterMode()).isTrue();
        assertThat(rubric.minReplicas()).isEqualTo(2);
        assertThat(rubric.evictionPolicies()).containsExactlyInAnyOrder("allkeys-lru", "volatile-lru");
        assertThat(rubric.appKeys()).isEqualTo(new AppKeyRule("product:*", Duration.ofSeconds(1800), 50));
        assertThat(rubric.latencyP99()).isEqualTo(Duration.ofMillis(15));
        assertThat(rubric.checks()).extracting(Check::id).containsExactly("reachable", "latency");
        assertThat(rubric.checks().get(1).extraCredit()).isTrue();
        assertThat(rubric.engines().get("redis").accepts("7.0.15")).isTrue();
        assertThat(rubric.engines().get("redis").accepts("8.0.0")).isFalse();
        assertThat(rubric.engines().get("valkey").accepts("7.1.9")).isFalse();
        assertThat(rubric.engines().get("valkey").accepts("7.2")).isTrue();
    }

    @Test
    void aLabWithoutTheSectionHasNoEndpointRubric() throws IOException {
        assertThat(Lab.load(write(LAB)).endpoint()).isEmpty();
    }

    @Test
    void theCacheAsideLabScoresItsEndpointOutOfOneHundred() {
        EndpointRubric rubric = Lab.load(SharedRedis.root().resolve("grader/labs/cache-aside")).endpoint().orElseThrow();
        assertThat(rubric.checks()).extracting(Check::id).containsExactlyInAnyOrderElementsOf(EndpointRubric.CHECK_IDS);
        assertThat(rubric.checks().stream().filter(c -> !c.extraCredit()).mapToInt(Check::points).sum()).isEqualTo(100);
    }

    @Test
    void anUnknownEndpointCheckNamesFileAndLine() throws IOException {
        Path lab = write(LAB + ENDPOINT.replace("id: latency", "id: throughput"));
        assertThatThrownBy(() -> Lab.load(lab)).hasMessageStartingWith(lab.resolve("lab.yaml") + ":20: endpoint check 'throughput' is unknown");
    }

    @Test
    void aBadVersionRangeNamesItsLine() throws IOException {
        Path lab = write(LAB + ENDPOINT.replace(">=7.0, <8", ">=7.0, latest"));
        assertThatThrownBy(() -> Lab.load(lab)).hasMessage(lab.resolve("lab.yaml")
                + ":12: version range '>=7.0, latest': 'latest' is not a comparison such as >=7.2");
    }

    @Test
    void tlsMustBeRequiredOrOptional() throws IOException {
        Path lab = write(LAB + ENDPOINT.replace("tls: optional", "tls: yes"));
        assertThatThrownBy(() -> Lab.load(lab)).hasMessage(lab.resolve("lab.yaml")
                + ":11: 'tls' must be required or optional, not 'yes'");
    }

    @Test
    void aMissingSettingIsNamed() throws IOException {
        Path lab = write(LAB + ENDPOINT.replace("  min_replicas: 2\n", ""));
        assertThatThrownBy(() -> Lab.load(lab)).hasMessage(lab.resolve("lab.yaml") + ":9: missing 'min_replicas'");
    }

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("lab.yaml"), yaml);
        return dir;
    }
}

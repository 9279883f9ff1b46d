package io.coursekit.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "🎯 학습 목표|-학습-목표",
            "Week 5 Day 3 Session 3: ElastiCache Redis|week-5-day-3-session-3-elasticache-redis",
            "2. 핵심 원리 (How?)|2-핵심-원리-how",
            "Redis vs Memcached|redis-vs-memcached",
            "snake_case and kebab-case|snake_case-and-kebab-case",
            "C++ & Java 17²|c--java-17",
            "ÉCOLE Ünïcode|école-ünïcode"})
    void matchesGitHub(String heading, String id) {
        assertThat(new HeadingIds().idFor(heading)).isEqualTo(id);
    }

    @Test
    void repeatsAreNumberedLikeGitHub() {
        HeadingIds ids = new HeadingIds();
        assertThat(ids.idFor("장점")).isEqualTo("장점");
        assertThat(ids.idFor("장점")).isEqualTo("장점-1");
        assertThat(ids.idFor("장점-1")).isEqualTo("장점-1-1");
        assertThat(ids.idFor("장점")).isEqualTo("장점-2");
    }
}

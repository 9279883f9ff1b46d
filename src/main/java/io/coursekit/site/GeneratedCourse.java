package io.coursekit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synthetic course of any size, shaped like a real one (schedule tables, headings, Mermaid, code, cross-links),
 * for timing the build.
 */
public final class GeneratedCourse {
    private static final int DAYS_PER_WEEK = 5;
    private static final int SESSIONS_PER_DAY = 7;

    private GeneratedCourse() {
    }

    /** Writes a course of about {@code pages} pages (day READMEs included) into {@code dir}. */
    public static Path write(Path dir, int pages) throws IOException {
        int perDay = SESSIONS_PER_DAY + 1;
        int days = Math.max(1, (pages + perDay - 1) / perDay);
        int weeks = (days + DAYS_PER_WEEK - 1) / DAYS_PER_WEEK;
        StringBuilder yaml = new StringBuilder("title: 벤치마크 코스\nlanguage: ko\nweeks:\n");
        int written = 0;
        for (int w = 1; w <= weeks; w++) {
            String week = String.format("week_%02d", w);
            yaml.append("  - ").append(week).append('\n');
            for (int d = 1; d <= DAYS_PER_WEEK && written < pages; d++) {
                Path day = Files.createDirectories(dir.resolve(week).resolve("day" + d));
                int sessions = Math.min(SESSIONS_PER_DAY, pages - written - 1);
                Files.writeString(day.resolve("README.md"), dayPage(w, d, sessions));
                written++;
                for (int s = 1; s <= sessions; s++) {
                    Files.writeString(day.resolve("session_" + s + ".md"), session(w, d, s, sessions));
                    written++;
                }
            }
        }
        Files.writeString(dir.resolve("course.yaml"), yaml.toString());
        return dir;
    }

    private static String dayPage(int week, int day, int sessions) {
        StringBuilder md = new StringBuilder("# Week " + week + " Day " + day + ": 캐싱과 데이터베이스\n\n## 🕘 일정\n\n| 시간 | 구분 | 내용 |\n|---|---|---|\n");
        for (int s = 1; s <= sessions; s++) {
            md.append("| ").append(8 + s).append(":00 | Session ").append(s).append(" | [세션 ").append(s)
                    .append("](./session_").append(s).append(".md) |\n");
        }
        return md.toString();
    }

    private static String session(int week, int day, int number, int sessions) {
        String next = number < sessions ? "./session_" + (number + 1) + ".md#-학습-목표" : "./README.md#-일정";
        return """
                # Week %d Day %d Session %d: 캐시 전략 %d

                <div align="center">

                **⚡ 인메모리 캐싱** • **🚀 성능 최적화**

                </div>

                ---

                ## 🎯 학습 목표

                - **Cache-Aside**: 읽을 때 캐시를 먼저 보고, 없으면 DB에서 읽어 채웁니다.
                - **TTL**: 동적 데이터는 5분에서 30분 사이로 둡니다.

                ## 📖 개념

                ### 1. 동작 원리

                ```mermaid
                sequenceDiagram
                    participant App
                    participant Cache as Redis
                    App->>Cache: GET product:%d
                    alt Cache Hit
                        Cache->>App: 값
                    else Cache Miss
                        App->>Cache: SET product:%d EX 600
                    end
                ```

                ### 2. 비교

                | 기준 | Redis | Memcached |
                |------|-------|-----------|
                | **데이터 구조** | 다양함 | Key-Value |
                | **복제** | 지원 | 미지원 |

                ```java
                Optional<Product> cached = Optional.ofNullable(redis.get("product:" + id)).map(this::parse);
                ```

                ## 🔗 다음

                [다음으로](%s), [이 페이지 맨 위](#-학습-목표), [공식 문서](https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/)
                """.formatted(week, day, number, number, number, number, next);
    }
}

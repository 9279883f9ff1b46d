package io.coursekit.site.diagrams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic course with many diagrams, shaped like the real one the seed comes from: flowcharts with author
 * fills ({@code style X fill:...}) and subgraphs, sequence diagrams with alt blocks and notes, state, gantt, pie and
 * class diagrams, Korean labels, two or three diagrams a page and one page of eleven. Every diagram is different.
 */
public final class GeneratedDiagrams {
    private static final int SESSIONS_PER_DAY = 5;
    private static final int DAYS_PER_WEEK = 5;
    private static final String[] FILLS = {"#e8f5e8", "#e3f2fd", "#fff3e0", "#ffebee", "#f3e5f5"};

    private GeneratedDiagrams() {
    }

    /** Writes about {@code pages} pages holding {@code diagrams} Mermaid blocks into {@code dir}; returns the blocks. */
    public static List<String> write(Path dir, int pages, int diagrams) throws IOException {
        int days = Math.max(1, pages / (SESSIONS_PER_DAY + 1));
        int pageCount = days * (SESSIONS_PER_DAY + 1);
        int[] perPage = new int[pageCount];
        int left = diagrams;
        perPage[0] = Math.min(11, left);
        left -= perPage[0];
        for (int p = 1; left > 0; p = p % (pageCount - 1) + 1) {
            perPage[p]++;
            left--;
        }
        List<String> all = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("title: 다이어그램 벤치마크 코스\nlanguage: ko\nweeks:\n");
        int page = 0;
        for (int d = 0; d < days; d++) {
            String week = String.format("week_%02d", d / DAYS_PER_WEEK + 1);
            if (d % DAYS_PER_WEEK == 0) {
                yaml.append("  - ").append(week).append('\n');
            }
            Path day = Files.createDirectories(dir.resolve(week).resolve("day" + (d % DAYS_PER_WEEK + 1)));
            StringBuilder readme = new StringBuilder("# Day " + (d + 1) + "\n\n| 시간 | 내용 |\n|---|---|\n");
            for (int s = 1; s <= SESSIONS_PER_DAY; s++) {
                readme.append("| ").append(8 + s).append(":00 | [세션 ").append(s).append("](./session_").append(s).append(".md) |\n");
            }
            Files.writeString(day.resolve("README.md"), readme + diagramsOf(page, perPage[page++], all));
            for (int s = 1; s <= SESSIONS_PER_DAY; s++) {
                Files.writeString(day.resolve("session_" + s + ".md"), "# 세션 " + (d + 1) + "-" + s
                        + ": 캐시 전략\n\n## 🎯 학습 목표\n\n- 캐시와 데이터베이스의 역할을 나눕니다.\n"
                        + diagramsOf(page, perPage[page++], all));
            }
        }
        Files.writeString(dir.resolve("course.yaml"), yaml.toString());
        return all;
    }

    private static String diagramsOf(int page, int count, List<String> all) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String diagram = diagram(all.size());
            all.add(diagram);
            md.append("\n## 그림 ").append(i + 1).append("\n\n```mermaid\n").append(diagram).append("```\n\n설명 ").append(page).append('\n');
        }
        return md.toString();
    }

    /** Half flowcharts, a fifth sequence diagrams, the rest state, gantt, pie and class diagrams. */
    static String diagram(int n) {
        return switch (n % 20) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 -> flowchart(n);
            case 10, 11, 12, 13 -> sequence(n);
            case 14, 15 -> state(n);
            case 16 -> gantt(n);
            case 17 -> pie(n);
            case 18 -> classes(n);
            default -> flowchart(n);
        };
    }

    private static String flowchart(int n) {
        StringBuilder f = new StringBuilder(n % 2 == 0 ? "graph TB\n" : "graph LR\n");
        int nodes = 6 + n % 8;
        f.append("    A[캐싱 패턴 ").append(n).append("] --> B[Cache-Aside<br/>Lazy Loading]\n");
        if (n % 3 == 0) {
            f.append("    subgraph \"읽기 경로 ").append(n).append("\"\n");
        }
        for (int i = 2; i < nodes; i++) {
            char from = (char) ('A' + (i - 1) / 2);
            char to = (char) ('A' + i);
            f.append("        ").append(from).append(" -->|단계 ").append(i).append("| ").append(to)
                    .append("[").append(i % 2 == 0 ? "읽기 시 캐시 확인<br/>없으면 DB 조회 " : "쓰기 지연<br/>나중에 동기화 ").append(n).append("]\n");
        }
        if (n % 3 == 0) {
            f.append("    end\n");
        }
        for (int i = 1; i < nodes; i += 2) {
            f.append("    style ").append((char) ('A' + i)).append(" fill:").append(FILLS[(n + i) % FILLS.length]).append('\n');
        }
        return f.toString();
    }

    private static String sequence(int n) {
        return """
                sequenceDiagram
                    participant App as Application
                    participant Cache as Redis Cache
                    participant DB as Database
                    Note over App,DB: Cache-Aside 패턴 %d
                    App->>Cache: 1. product:%d 조회
                    alt Cache Hit
                        Cache->>App: 2a. 캐시된 데이터 반환
                        Note over App: 응답 시간: ~5ms
                    else Cache Miss
                        Cache->>App: 2b. 데이터 없음
                        App->>DB: 3. DB 조회
                        DB->>App: 4. 데이터 반환
                        App->>Cache: 5. 캐시에 저장 (TTL %d초)
                    end
                """.formatted(n, n, 60 + n);
    }

    private static String state(int n) {
        return """
                stateDiagram-v2
                    [*] --> 캐시저장: 데이터 저장 (TTL %d)
                    캐시저장 --> 유효: TTL 내
                    유효 --> 캐시히트: 조회 요청
                    캐시히트 --> 유효: 데이터 반환
                    유효 --> 만료: TTL 초과
                    만료 --> 삭제: 자동 삭제
                    삭제 --> [*]
                """.formatted(n);
    }

    private static String gantt(int n) {
        return """
                gantt
                    title 실습 일정 %d
                    dateFormat YYYY-MM-DD
                    section 준비
                    VPC 만들기        :a1, 2026-03-02, 2d
                    ElastiCache 생성  :a2, after a1, 1d
                    section 실습
                    Cache-Aside 구현  :b1, after a2, 3d
                    부하 테스트       :b2, after b1, 2d
                """.formatted(n);
    }

    private static String pie(int n) {
        return """
                pie title 캐시 적중률 %d
                    "적중" : %d
                    "미스" : %d
                    "만료" : 7
                """.formatted(n, 60 + n % 30, 40 - n % 30);
    }

    private static String classes(int n) {
        return """
                classDiagram
                    class ProductCache%d {
                        +get(id) Product
                        +put(id, Product)
                        -ttlSeconds int
                    }
                    class ProductRepository {
                        +findById(id) Product
                    }
                    ProductCache%d --> ProductRepository : 미스일 때
                """.formatted(n, n);
    }
}

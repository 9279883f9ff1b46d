package io.coursekit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic course shaped like a real Korean bootcamp repository, for timing builds and for tests: no course.yaml,
 * week and day folders ({@code week_03/day2}, {@code december/week_01/day1_eks_setup}), a supplement week whose days
 * have no README, {@code guide/}, {@code special_lecture/<topic>/README.md}, {@code real_project/}, extra files at
 * every level, links to folders, emoji everywhere, long pages with tables, code and Mermaid diagrams.
 * The same seed always writes the same course; every link in it resolves.
 */
public final class GeneratedCourse {
    private static final String[] TOPICS = {"Docker 컨테이너", "Kubernetes 기초", "EKS 클러스터", "Terraform IaC",
            "ElastiCache Redis", "RDS와 Aurora", "VPC 네트워크", "CI/CD 파이프라인", "모니터링과 로깅", "보안과 IAM",
            "서비스 메시", "비용 최적화"};
    private static final String[] EMOJI = {"🎯", "📖", "🚀", "⚡", "🔧", "💡", "🆕", "📊", "🔒", "🧪", "🏆", "☁️", "🐳", "✅"};
    private static final String[] SENTENCES = {
            "컨테이너는 애플리케이션과 실행 환경을 하나로 묶어 어디서나 같은 방식으로 실행되게 합니다.",
            "클러스터의 노드 수는 평소 부하가 아니라 가장 바쁜 시간의 요청량을 기준으로 잡아야 합니다.",
            "캐시 적중률이 낮다면 키 설계와 만료 시간을 먼저 의심해 보세요.",
            "인프라를 코드로 관리하면 변경 이력이 남고, 같은 환경을 몇 번이든 다시 만들 수 있습니다.",
            "보안 그룹은 필요한 포트만 열고, 출발지는 가능한 한 좁게 지정합니다.",
            "로그는 한곳에 모아야 장애가 났을 때 여러 서버를 오가며 찾지 않아도 됩니다.",
            "배포 파이프라인은 빌드, 테스트, 이미지 푸시, 롤아웃의 네 단계로 나누어 생각하면 쉽습니다.",
            "읽기 전용 복제본을 두면 조회 트래픽을 나누어 주 데이터베이스의 부담을 덜 수 있습니다.",
            "파드가 계속 재시작된다면 이벤트와 컨테이너 로그를 차례로 확인합니다.",
            "서브넷을 퍼블릭과 프라이빗으로 나누는 이유는 외부에 드러낼 자원을 최소로 하기 위해서입니다.",
            "요금은 시간당 단가보다 한 달 동안 실제로 켜져 있는 시간을 곱해 계산해야 정확합니다.",
            "실습이 끝나면 만든 자원을 반드시 삭제해 예상하지 못한 비용을 막습니다.",
            "롤링 업데이트는 새 버전을 조금씩 늘리고 옛 버전을 조금씩 줄이는 방식입니다.",
            "헬스 체크가 실패한 인스턴스는 로드밸런서가 트래픽을 보내지 않습니다.",
            "환경 변수와 시크릿은 이미지에 넣지 말고 실행할 때 주입합니다.",
            "오토스케일링 정책은 CPU 사용률 하나보다 요청 수와 지연 시간을 함께 보는 편이 안정적입니다.",
            "팀 프로젝트에서는 브랜치 전략과 리뷰 규칙을 첫날에 정해 두면 충돌이 줄어듭니다.",
            "장애 대응 연습은 실제 장애보다 먼저, 모두가 차분할 때 해 두는 것이 좋습니다.",
    };

    private final Random random;
    private final int bodyKib;
    private final List<String> written = new ArrayList<>();

    private GeneratedCourse(long seed, int bodyKib) {
        this.random = new Random(seed);
        this.bodyKib = bodyKib;
    }

    /** Writes a course of about {@code files} Markdown files (359 is the real repository's size) into {@code dir}. */
    public static Path write(Path dir, int files) throws IOException {
        return write(dir, files, 40);
    }

    /** @param sessionKib the size of a session page in KiB (labs are half, day pages smaller) */
    public static Path write(Path dir, int files, int sessionKib) throws IOException {
        new GeneratedCourse(files, sessionKib).writeCourse(dir, files);
        return dir;
    }

    private void writeCourse(Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        int days = Math.max(2, files / 6);
        while (days > 2 && pagesFor(days) > files) {
            days--;
        }
        int decemberDays = Math.max(1, days / 6);
        int regularDays = days - decemberDays;
        int weeks = Math.max(1, (regularDays + 4) / 5);

        markdown(dir, "README.md", home(weeks));
        Files.writeString(dir.resolve(".gitignore"), "*.tfstate\n.terraform/\n");
        Files.writeString(dir.resolve("LICENSE"), "CC BY-NC-SA 4.0\n");
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/architecture.svg"), SVG);
        markdown(dir, "CONTRIBUTING.md", simplePage("🤝 기여 방법", 2));

        guide(dir.resolve("guide"));
        specialLectures(dir.resolve("special_lecture"));
        realProject(dir.resolve("real_project"));
        labScripts(dir.resolve("lab_scripts"));

        int day = 0;
        for (int w = 1; w <= weeks; w++) {
            String week = String.format("week_%02d", w);
            Path weekDir = dir.resolve(week);
            int daysHere = Math.min(5, regularDays - day);
            List<String> dayNames = new ArrayList<>();
            for (int d = 1; d <= daysHere; d++) {
                dayNames.add("day" + d);
            }
            markdown(weekDir, "README.md", weekPage(w, dayNames, "../"));
            for (int d = 1; d <= daysHere; d++, day++) {
                dayFolder(weekDir.resolve("day" + d), w, d, "../../", true);
            }
            if (w == 3 && weeks >= 3) {
                markdown(weekDir, "kubectl_commands_reference.md", reference());
                Path supplement = dir.resolve("week_03_supplement");
                for (int d = 1; d <= 2; d++) {
                    dayFolder(supplement.resolve("day" + d), w, d, "../../", false);
                }
            }
        }
        Path december = dir.resolve("december");
        markdown(december, "README.md", simplePage("❄️ 12월 심화 과정", 3));
        String[] names = {"eks_setup", "helm_charts", "argocd_gitops", "karpenter", "observability", "istio_mesh"};
        List<String> dayNames = new ArrayList<>();
        for (int d = 1; d <= decemberDays; d++) {
            dayNames.add("day" + ((d - 1) % 5 + 1) + "_" + names[(d - 1) % names.length]);
        }
        for (int d = 1; d <= decemberDays; d++) {
            int week = (d - 1) / 5 + 1;
            Path weekDir = december.resolve(String.format("week_%02d", week));
            if ((d - 1) % 5 == 0) {
                markdown(weekDir, "README.md", weekPage(week, dayNames.subList(d - 1, Math.min(d + 4, decemberDays)), "../../"));
            }
            dayFolder(weekDir.resolve(dayNames.get(d - 1)), week, (d - 1) % 5 + 1, "../../../", true);
        }
        int w = 1;
        while (written.size() < files) {
            markdown(dir.resolve("guide/faq"), "faq_" + w++ + ".md", simplePage("❓ 자주 묻는 질문 " + w, 6));
        }
    }

    /** Markdown files written for a course of that many days, before the FAQ pages that fill up to the size asked. */
    private static int pagesFor(int days) {
        int decemberDays = Math.max(1, days / 6);
        int weeks = Math.max(1, (days - decemberDays + 4) / 5);
        int supplement = weeks >= 3 ? 1 + 2 * 5 : 0;
        return 15 + supplement + weeks + (decemberDays + 4) / 5 + days * 6;
    }

    private void dayFolder(Path day, int week, int number, String toRoot, boolean readme) throws IOException {
        int sessions = 3;
        if (readme) {
            markdown(day, "README.md", dayPage(week, number, sessions));
        }
        for (int s = 1; s <= sessions; s++) {
            String next = s < sessions ? "./session_" + (s + 1) + ".md#-학습-목표" : "./lab_1.md";
            markdown(day, "session_" + s + ".md", session(week, number, s, next, toRoot, bodyKib));
        }
        markdown(day, "lab_1.md", lab(week, number, toRoot));
        switch ((week * 7 + number) % 4) {
            case 0 -> markdown(day, "handson_1.md", simplePage("🛠️ 핸즈온 " + number, 4));
            case 1 -> markdown(day, "team-projects.md", simplePage("👥 팀 프로젝트 진행", 3));
            case 2 -> markdown(day, "demo_guide.md", simplePage("🎬 데모 가이드", 3));
            default -> markdown(day, "challenge_1.md", simplePage("🏆 Challenge 1: 장애 복구", 8));
        }
        Files.createDirectories(day.resolve("images"));
        Files.writeString(day.resolve("images/flow.svg"), SVG);
        Files.writeString(day.resolve("deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n");
    }

    private void guide(Path guide) throws IOException {
        markdown(guide, "README.md", "# 📚 수강 가이드\n\n" + paragraph(6) + "\n\n- [환경 준비](./setup.md)\n- [Git 사용법](./git_workflow.md)\n"
                + "- [실습 스크립트](../lab_scripts/)\n- [특강 목록](../special_lecture/)\n");
        markdown(guide, "setup.md", simplePage("💻 실습 환경 준비", 8));
        markdown(guide, "git_workflow.md", simplePage("🌿 Git 브랜치 전략", 6));
        Files.writeString(guide.resolve("checklist.txt"), "aws configure\nkubectl version\n");
    }

    private void specialLectures(Path lectures) throws IOException {
        String[] topics = {"terraform_advanced", "k8s_security", "finops", "chaos_engineering"};
        StringBuilder index = new StringBuilder("# 🎤 특강\n\n");
        for (String topic : topics) {
            index.append("- [").append(topic).append("](./").append(topic).append("/)\n");
            markdown(lectures.resolve(topic), "README.md", session(0, 0, 1, "../../README.md", "../../", bodyKib / 2));
            if (topic.startsWith("k8s")) {
                markdown(lectures.resolve(topic), "hands_on.md", simplePage("🔐 RBAC 실습", 5));
            }
        }
        markdown(lectures, "README.md", index.toString());
    }

    private void realProject(Path project) throws IOException {
        markdown(project, "README.md", "# 🏗️ 실전 프로젝트\n\n" + paragraph(8) + "\n\n[팀 구성](./team-projects.md) · [평가 기준](./evaluation.md)\n");
        markdown(project, "team-projects.md", simplePage("👥 팀 구성", 4));
        markdown(project, "evaluation.md", simplePage("📋 평가 기준", 4));
        Files.writeString(project.resolve("architecture.drawio"), "<mxfile/>\n");
    }

    private void labScripts(Path scripts) throws IOException {
        Path monolith = Files.createDirectories(scripts.resolve("lab1/docker-images/monolith"));
        Files.writeString(monolith.resolve("Dockerfile"), "FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        Files.writeString(monolith.resolve("build.sh"), "#!/bin/sh\ndocker build -t shop/monolith .\n");
        Path infra = Files.createDirectories(scripts.resolve("lab2/terraform"));
        Files.writeString(infra.resolve("main.tf"), "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
    }

    private String home(int weeks) {
        StringBuilder md = new StringBuilder("# ☁️ 클라우드 네이티브 부트캠프\n\n<div align=\"center\">\n\n**🐳 컨테이너** • **☸️ 쿠버네티스** • **🏗️ 테라폼**\n\n</div>\n\n");
        md.append("![구성도](./images/architecture.svg)\n\n## 📅 주차별 과정\n\n| 주차 | 주제 |\n|---|---|\n");
        for (int w = 1; w <= weeks; w++) {
            md.append(String.format("| [Week %d](./week_%02d/) | %s |%n", w, w, TOPICS[(w - 1) % TOPICS.length]));
        }
        md.append("\n## 📚 더 보기\n\n- [수강 가이드](./guide/README.md)\n- [특강](./special_lecture/)\n- [실전 프로젝트](./real_project/)\n- [12월 심화](./december/)\n");
        return md.toString();
    }

    private String weekPage(int week, List<String> dayFolders, String toRoot) {
        StringBuilder md = new StringBuilder("# Week " + week + ": " + TOPICS[(week - 1) % TOPICS.length] + " " + emoji() + "\n\n");
        md.append(paragraph(4)).append("\n\n## 🗓️ 일정\n\n");
        for (String day : dayFolders) {
            md.append("- [").append(day).append("](./").append(day).append("/)\n");
        }
        md.append("\n[코스 홈으로](").append(toRoot).append("README.md)\n");
        return md.toString();
    }

    private String dayPage(int week, int day, int sessions) {
        StringBuilder md = new StringBuilder("# Week " + week + " Day " + day + ": " + TOPICS[(week + day) % TOPICS.length] + "\n\n");
        md.append("<div align=\"center\">\n\n**").append(emoji()).append(" 이론** • **").append(emoji()).append(" 실습**\n\n</div>\n\n---\n\n");
        md.append("## 🕘 일정\n\n| 시간 | 구분 | 내용 |\n|------|------|------|\n");
        for (int s = 1; s <= sessions; s++) {
            md.append("| ").append(8 + s).append(":00-").append(8 + s).append(":50 | Session ").append(s)
                    .append(" | [세션 ").append(s).append("](./session_").append(s).append(".md) |\n");
        }
        md.append("| 13:00-15:00 | Lab 1 | [실습](./lab_1.md) |\n\n## 🎯 오늘의 목표\n\n").append(paragraph(3)).append('\n');
        return md.toString();
    }

    private String session(int week, int day, int number, String next, String toRoot, int kib) {
        String topic = TOPICS[(week * 5 + day + number) % TOPICS.length];
        StringBuilder md = new StringBuilder();
        md.append(week > 0 ? "# Week " + week + " Day " + day + " Session " + number + ": " + topic : "# 🎤 특강: " + topic).append("\n\n");
        md.append("<div align=\"center\">\n\n**⚡ ").append(topic).append("** • **🚀 실무 패턴**\n\n*").append(sentence()).append("*\n\n</div>\n\n---\n\n");
        md.append("## 🕘 Session 정보\n\n**시간**: ").append(8 + number).append(":00-").append(8 + number).append(":50 (50분)  \n**방식**: 이론 + 데모\n\n");
        md.append("## 🎯 학습 목표\n\n");
        for (int i = 0; i < 4; i++) {
            md.append("- **").append(topic).append(" ").append(i + 1).append("**: ").append(sentence()).append('\n');
        }
        int section = 1;
        while (md.length() * 2.2 < kib * 1024) {
            md.append("\n## ").append(emoji()).append(" ").append(section).append(". ").append(topic).append(" 핵심 ").append(section).append("\n\n");
            md.append(paragraph(5)).append("\n\n### ").append(section).append(".1 동작 원리\n\n").append(paragraph(4)).append("\n\n");
            switch (section % 4) {
                case 0 -> md.append(mermaidFlow(section));
                case 1 -> md.append(table());
                case 2 -> md.append(code(section));
                default -> md.append(mermaidSequence(section));
            }
            md.append("\n#### 💡 실무 팁\n\n").append(paragraph(3)).append(' ').append(emoji()).append("\n\n");
            md.append("- ").append(sentence()).append("\n- ").append(sentence()).append("\n- [x] ").append(sentence()).append('\n');
            section++;
        }
        md.append("\n## 🔗 참고\n\n- [다음](").append(next).append(")\n- [이 페이지 맨 위](#-학습-목표)\n")
                .append("- [실습 스크립트 폴더](").append(toRoot).append("lab_scripts/lab1/docker-images/monolith/)\n")
                .append("- [수강 가이드](").append(toRoot).append("guide/)\n")
                .append("- [공식 문서](https://docs.aws.amazon.com/eks/latest/userguide/what-is-eks.html)\n\n")
                .append("마지막 문단: ").append(sentence()).append(" 🎉\n");
        return md.toString();
    }

    private String lab(int week, int day, String toRoot) {
        StringBuilder md = new StringBuilder("# Week " + week + " Day " + day + " Lab 1: 직접 배포해 보기 🧪\n\n## 🎯 실습 목표\n\n");
        md.append(paragraph(3)).append("\n\n## 🛠️ 단계\n\n");
        for (int step = 1; md.length() * 2.2 < bodyKib * 512; step++) {
            md.append("### Step ").append(step).append(": ").append(TOPICS[step % TOPICS.length]).append("\n\n").append(paragraph(2)).append("\n\n")
                    .append("```bash\nkubectl apply -f deploy.yaml\nkubectl get pods -n shop-").append(step).append("\n```\n\n");
        }
        md.append("## 📁 파일\n\n- [Dockerfile이 있는 폴더](").append(toRoot).append("lab_scripts/lab1/docker-images/monolith/)\n")
                .append("- [배포 매니페스트](./deploy.yaml)\n- ![흐름](./images/flow.svg)\n- [세션 1로 돌아가기](./session_1.md#-학습-목표)\n");
        return md.toString();
    }

    private String reference() {
        StringBuilder md = new StringBuilder("# 📘 kubectl 명령어 모음\n\n| 명령 | 설명 |\n|---|---|\n");
        String[] commands = {"get pods", "describe pod", "logs -f", "apply -f", "rollout status", "top nodes", "exec -it"};
        for (int i = 0; i < 60; i++) {
            md.append("| `kubectl ").append(commands[i % commands.length]).append("` | ").append(sentence()).append(" |\n");
        }
        return md.toString();
    }

    private String simplePage(String title, int paragraphs) {
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        for (int i = 0; i < paragraphs; i++) {
            md.append("## ").append(emoji()).append(" 항목 ").append(i + 1).append("\n\n").append(paragraph(4)).append("\n\n");
        }
        return md.toString();
    }

    private String mermaidFlow(int n) {
        return "```mermaid\ngraph TB\n    U[사용자] --> ALB[로드밸런서]\n    ALB --> P" + n + "[파드 " + n + "]\n    P" + n
                + " --> R[(Redis)]\n    style R fill:#e8f5e8\n```\n";
    }

    private String mermaidSequence(int n) {
        return "```mermaid\nsequenceDiagram\n    participant App\n    participant Cache as Redis\n    App->>Cache: GET product:" + n
                + "\n    alt Cache Hit\n        Cache->>App: 값\n    else Cache Miss\n        App->>Cache: SET product:" + n + " EX 600\n    end\n```\n";
    }

    private String table() {
        return """
                | 기준 | Redis | Memcached | 비고 |
                |------|-------|-----------|------|
                | **데이터 구조** | 다양함 | Key-Value | %s |
                | **복제** | 지원 | 미지원 | %s |
                | **영속성** | RDB/AOF | 없음 | %s |
                """.formatted(emoji(), emoji(), emoji());
    }

    private String code(int n) {
        return switch (n % 3) {
            case 0 -> "```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop-" + n + "\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80\n```\n";
            case 1 -> "```hcl\nresource \"aws_elasticache_cluster\" \"cache\" {\n  cluster_id = \"shop-" + n + "\"\n  node_type  = \"cache.t3.micro\"\n}\n```\n";
            default -> "```java\nOptional<Product> cached = Optional.ofNullable(redis.get(\"product:" + n + "\")).map(this::parse);\n```\n";
        };
    }

    private String paragraph(int sentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            p.append(i == 0 ? "" : " ").append(sentence());
        }
        return p.toString();
    }

    private String sentence() {
        return SENTENCES[random.nextInt(SENTENCES.length)];
    }

    private String emoji() {
        return EMOJI[random.nextInt(EMOJI.length)];
    }

    private void markdown(Path folder, String name, String text) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), text);
        written.add(folder.resolve(name).toString());
    }

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" height=\"40\" fill=\"#0969da\"/></svg>\n";
}

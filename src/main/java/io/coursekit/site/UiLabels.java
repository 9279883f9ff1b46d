package io.coursekit.site;

import java.util.Map;

/** The few words of the site's own interface, in the course's language. */
final class UiLabels {
    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "ko", Map.ofEntries(
                    Map.entry("home", "코스 홈"), Map.entry("contents", "목차"), Map.entry("onThisPage", "이 페이지에서"),
                    Map.entry("previous", "이전"), Map.entry("next", "다음"), Map.entry("darkMode", "다크 모드"),
                    Map.entry("lightMode", "라이트 모드"), Map.entry("menu", "메뉴"), Map.entry("week", "주차"),
                    Map.entry("day", "일차"), Map.entry("search", "검색"), Map.entry("noResults", "결과 없음"),
                    Map.entry("builtWith", "coursekit으로 만든 사이트"), Map.entry("pages", "페이지"),
                    Map.entry("zoomDiagram", "다이어그램 확대"), Map.entry("zoomIn", "확대"), Map.entry("zoomOut", "축소"),
                    Map.entry("zoomFit", "화면에 맞추기"), Map.entry("close", "닫기")),
            "en", Map.ofEntries(
                    Map.entry("home", "Course home"), Map.entry("contents", "Contents"), Map.entry("onThisPage", "On this page"),
                    Map.entry("previous", "Previous"), Map.entry("next", "Next"), Map.entry("darkMode", "Dark mode"),
                    Map.entry("lightMode", "Light mode"), Map.entry("menu", "Menu"), Map.entry("week", "Week"),
                    Map.entry("day", "Day"), Map.entry("search", "Search"), Map.entry("noResults", "No results"),
                    Map.entry("builtWith", "Built with coursekit"), Map.entry("pages", "pages"),
                    Map.entry("zoomDiagram", "Zoom diagram"), Map.entry("zoomIn", "Zoom in"), Map.entry("zoomOut", "Zoom out"),
                    Map.entry("zoomFit", "Fit to screen"), Map.entry("close", "Close")));

    private UiLabels() {
    }

    static Map<String, String> of(String language) {
        return LABELS.getOrDefault(language, LABELS.get("ko"));
    }
}

package io.coursekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Hugo building the same course folder, with layouts that do what coursekit's pages do (a sidebar listing the
 * course's pages, a table of contents, previous and next), so {@code bench build} compares like with like.
 */
final class HugoBaseline {
    private final Path site;

    private HugoBaseline(Path site) {
        this.site = site;
    }

    /** Empty when {@code hugo} is not installed. */
    static Optional<HugoBaseline> prepare(Path work, Path content) throws IOException {
        Optional<Path> hugo = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(java.io.File.pathSeparator)).stream())
                .map(dir -> Path.of(dir, "hugo")).filter(Files::isExecutable).findFirst();
        if (hugo.isEmpty()) {
            return Optional.empty();
        }
        Path site = Files.createDirectories(work.resolve("hugo"));
        Path layouts = Files.createDirectories(site.resolve("layouts/_default"));
        Files.writeString(site.resolve("config.toml"), """
                baseURL = "/"
                title = "bench"
                contentDir = "%s"
                disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
                [markup.goldmark.renderer]
                unsafe = true
                """.formatted(content.toAbsolutePath().toString().replace("\\", "/")));
        Files.writeString(layouts.resolve("baseof.html"), """
                <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
                <nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                {{ range .CurrentSection.Pages }}<a href="{{ .RelPermalink }}"{{ if eq . $ }} aria-current="page"{{ end }}>{{ .Title }}</a>{{ end }}</nav>
                <main>{{ block "main" . }}{{ end }}</main></body></html>
                """);
        String single = """
                {{ define "main" }}<article>{{ .Content }}</article><aside>{{ .TableOfContents }}</aside>
                {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
                """;
        Files.writeString(layouts.resolve("single.html"), single);
        Files.writeString(layouts.resolve("list.html"), single);
        return Optional.of(new HugoBaseline(site));
    }

    List<String> command(Path out) {
        return List.of("hugo", "--quiet", "--source", site.toString(), "--destination", out.toAbsolutePath().toString());
    }
}

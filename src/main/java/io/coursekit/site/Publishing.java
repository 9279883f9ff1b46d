package io.coursekit.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a course is published and kept, from course.yaml: the site's address (sitemap.xml, Open Graph), the
 * repository whose "edit" links open a page's source, and the course's own icon.
 */
public record Publishing(Optional<String> siteUrl, Optional<String> editBase, Optional<Path> favicon) {

    static Publishing of(CourseSettings settings, Path yaml, Path content) {
        Optional<String> site = Optional.ofNullable(settings.siteUrl()).map(String::strip).filter(s -> !s.isEmpty())
                .map(url -> url.endsWith("/") ? url : url + "/");
        site.filter(url -> !url.startsWith("http://") && !url.startsWith("https://")).ifPresent(url -> {
            throw new BuildProblem(yaml, CourseReader.lineOf(yaml, "site_url"), "site_url must start with https:// or http://, not '" + url + "'");
        });
        Optional<String> edit = Optional.ofNullable(settings.repoUrl()).map(String::strip).filter(s -> !s.isEmpty())
                .map(repo -> trim(repo) + "/" + trim(settings.editPath() == null ? "edit/main" : settings.editPath()) + "/");
        Optional<Path> favicon = Optional.ofNullable(settings.favicon()).map(content::resolve);
        favicon.filter(f -> !Files.isRegularFile(f)).ifPresent(f -> {
            throw new BuildProblem(yaml, CourseReader.lineOf(yaml, "favicon"), "favicon " + settings.favicon() + " is not a file of the course folder");
        });
        return new Publishing(site, edit, favicon);
    }

    private static String trim(String path) {
        return path.strip().replaceAll("^/+|/+$", "");
    }
}

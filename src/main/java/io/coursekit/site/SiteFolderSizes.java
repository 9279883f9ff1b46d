package io.coursekit.site;

import io.coursekit.site.search.SearchIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How big a built site's HTML and its search index are, in bytes. */
public record SiteFolderSizes(long html, long searchIndex) {

    public static SiteFolderSizes of(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            long html = files.filter(f -> f.toString().endsWith(".html")).mapToLong(f -> f.toFile().length()).sum();
            return new SiteFolderSizes(html, Files.size(site.resolve(SearchIndex.FILE)));
        }
    }
}

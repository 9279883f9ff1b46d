package io.coursekit.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder without Markdown that a page links to, such as {@code lab_scripts/lab1/docker-images/monolith/}: as on
 * GitHub, the link opens a page listing its files, which are copied into the site; its subfolders get one each.
 */
final class FolderListing {
    static final String PAGE = "index.html";
    /** Beyond this many files a linked folder is not a lab's scripts but something to link to elsewhere. */
    private static final int MOST_FILES = 500;

    private final String folder;
    private final List<Map<String, Object>> entries;
    private final List<String> files;

    private FolderListing(String folder, List<Map<String, Object>> entries, List<String> files) {
        this.folder = folder;
        this.entries = entries;
        this.files = files;
    }

    /** The folder and each folder below it, as listings; hidden files are left out. */
    static List<FolderListing> of(Path content, String folder) {
        List<FolderListing> listings = new ArrayList<>();
        collect(content, folder, listings, new int[] {0});
        return listings;
    }

    private static void collect(Path content, String folder, List<FolderListing> listings, int[] count) {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> subfolders = new ArrayList<>();
        try (Stream<Path> children = Files.list(content.resolve(folder))) {
            for (Path child : children.sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString())).toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || count[0] >= MOST_FILES) {
                    continue;
                }
                String relative = folder + "/" + name;
                Map<String, Object> entry = new LinkedHashMap<>();
                if (Files.isDirectory(child)) {
                    entry.put("title", name + "/");
                    entry.put("url", CourseLinks.encode(name) + "/" + PAGE);
                    entry.put("kind", "folder");
                    subfolders.add(relative);
                } else {
                    count[0]++;
                    entry.put("title", name);
                    entry.put("url", CourseLinks.encode(name));
                    entry.put("kind", "file");
                    entry.put("bytes", Files.size(child));
                    files.add(relative);
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listings.add(new FolderListing(folder, entries, files));
        for (String sub : subfolders) {
            collect(content, sub, listings, count);
        }
    }

    String folder() {
        return folder;
    }

    String outputPath() {
        return folder + "/" + PAGE;
    }

    /** Each file and subfolder: title, url relative to the listing page, kind (file or folder), bytes. */
    List<Map<String, Object>> entries() {
        return entries;
    }

    List<String> files() {
        return files;
    }
}

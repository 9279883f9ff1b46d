package io.coursekit.site.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells which files under some folders were saved, created or deleted, through the JDK's WatchService (inotify on
 * Linux), folders created later included. Events that come within a few milliseconds of each other (an editor's
 * write, rename and touch of one save) are handed over together.
 */
final class SourceWatcher implements AutoCloseable {
    /** How long a save may keep producing events before its files are handed over. */
    private static final long SETTLE_MILLIS = 8;

    private final WatchService watch;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    SourceWatcher(List<Path> roots, Consumer<Set<Path>> changed) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                register(root);
            }
        }
        this.thread = new Thread(() -> run(changed), "coursekit-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run(Consumer<Set<Path>> changed) {
        try {
            while (true) {
                Set<Path> files = new LinkedHashSet<>();
                drain(watch.take(), files);
                WatchKey more;
                while ((more = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, files);
                }
                if (!files.isEmpty()) {
                    changed.accept(files);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    private void drain(WatchKey key, Set<Path> files) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                files.add(folders.values().iterator().next());
                continue;
            }
            Path file = folder.resolve((Path) event.context());
            if (file.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    register(file);
                } catch (IOException | UncheckedIOException e) {
                    // gone again before we could watch it
                }
            }
            files.add(file);
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                folders.put(key, dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}

package io.coursekit.site.diagrams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One long-lived headless Chromium with a few tabs showing the render page; diagrams are drawn on all tabs at once,
 * formulas typeset on one.
 * One is kept per coursekit process and Chromium executable, so serve's rebuilds and the tests reuse it.
 */
final class MermaidBrowser implements AutoCloseable {
    /** Diagrams per call into a tab: enough to hide the round trip, few enough to share the work evenly. */
    private static final int BATCH = 6;
    private static final Map<Path, MermaidBrowser> SHARED = new HashMap<>();
    private static final Map<Path, String> FAILED = new HashMap<>();

    private final Chromium chromium;
    private final Path page;
    private final BlockingQueue<MermaidTab> tabs;
    private final int tabCount;
    private volatile boolean broken;

    private MermaidBrowser(Chromium chromium, Path page, List<MermaidTab> tabs) {
        this.chromium = chromium;
        this.page = page;
        this.tabs = new ArrayBlockingQueue<>(tabs.size(), false, tabs);
        this.tabCount = tabs.size();
    }

    /** Tabs that draw at the same time: one per core, at least two, since a tab waits on the JVM now and then. */
    static int defaultTabs() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The browser of this process for {@code executable}, started on first use. A browser that could not start is
     * not tried again by this process: the same reason is thrown at once.
     */
    static synchronized MermaidBrowser shared(Path executable) throws IOException {
        MermaidBrowser running = SHARED.get(executable);
        if (running != null && !running.broken) {
            return running;
        }
        if (FAILED.containsKey(executable)) {
            throw new IOException(FAILED.get(executable));
        }
        try {
            MermaidBrowser started = start(executable, defaultTabs());
            SHARED.put(executable, started);
            if (running == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeShared(executable), "coursekit-chromium-stop"));
            }
            return started;
        } catch (IOException | RuntimeException e) {
            FAILED.put(executable, String.valueOf(e.getMessage()));
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    private static synchronized void closeShared(Path executable) {
        MermaidBrowser browser = SHARED.remove(executable);
        if (browser != null) {
            browser.close();
        }
    }

    static MermaidBrowser start(Path executable, int tabCount) throws IOException {
        Path page = Files.createTempDirectory("coursekit-render");
        Files.write(page.resolve("render.html"), MermaidBundle.resource("render.html"));
        Files.write(page.resolve("render.js"), MermaidBundle.resource("render.js"));
        Files.write(page.resolve("mermaid.min.js"), MermaidBundle.script());
        Files.write(page.resolve("katex.min.js"), MermaidBundle.katex());
        Files.write(page.resolve("typeset.js"), MermaidBundle.resource("typeset.js"));
        Files.write(page.resolve("emoji.css"), MermaidBundle.emojiStyle());
        for (String piece : MermaidBundle.emojiPieces()) {
            Path file = page.resolve(piece);
            Files.createDirectories(file.getParent());
            Files.write(file, MermaidBundle.emojiPiece(piece));
        }
        Chromium chromium = Chromium.start(executable);
        try {
            List<MermaidTab> tabs = new ArrayList<>();
            for (int i = 0; i < tabCount; i++) {
                tabs.add(new MermaidTab(chromium.open(page.resolve("render.html").toUri().toString())));
            }
            return new MermaidBrowser(chromium, page, tabs);
        } catch (RuntimeException e) {
            chromium.close();
            Chromium.deleteTree(page);
            throw new IOException("its render page did not load: " + e.getMessage(), e);
        }
    }

    int tabs() {
        return tabCount;
    }

    /** Marks this browser as failed: the next build of this process starts a new one. */
    void broke() {
        broken = true;
        close();
    }

    /**
     * Draws every source in the given formats on all tabs at once; {@code progress} hears how many are done.
     * A Chromium that fails here is marked broken, so the next build starts a new one.
     */
    Map<MermaidSource, Drawing> draw(List<MermaidSource> sources, Set<DiagramFormat> formats, IntConsumer progress) {
        Queue work = new Queue(sources);
        Map<MermaidSource, Drawing> drawn = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(tabCount, r -> {
            Thread t = new Thread(r, "coursekit-diagrams");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < tabCount; i++) {
                running.add(workers.submit(() -> {
                    MermaidTab tab = tabs.take();
                    try {
                        for (List<MermaidSource> batch = work.next(); !batch.isEmpty(); batch = work.next()) {
                            List<Drawing> drawings = tab.draw(batch, formats);
                            for (int j = 0; j < batch.size(); j++) {
                                drawn.put(batch.get(j), drawings.get(j));
                            }
                            progress.accept(work.done(batch.size()));
                        }
                    } finally {
                        tabs.put(tab);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing diagrams", e);
        } finally {
            workers.shutdownNow();
        }
        Map<MermaidSource, Drawing> ordered = new LinkedHashMap<>();
        sources.forEach(s -> ordered.put(s, drawn.get(s)));
        return ordered;
    }

    /** KaTeX's HTML of each formula, or its message, in order; formulas take too little time to share out among tabs. */
    List<Drawing> typeset(List<MathSource> formulas) {
        try {
            MermaidTab tab = tabs.take();
            try {
                return tab.typeset(formulas);
            } finally {
                tabs.put(tab);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while typesetting formulas", e);
        }
    }

    /** A PNG of one diagram's light picture. */
    Drawing png(MermaidSource source) {
        try {
            MermaidTab tab = tabs.take();
            try {
                return tab.png(source);
            } finally {
                tabs.put(tab);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing a picture", e);
        }
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            Chromium.deleteTree(page);
        }
    }

    /** The sources still to draw, handed out in batches to whichever tab is free. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<MermaidSource> left;
        private int done;

        Queue(List<MermaidSource> sources) {
            this.left = new ConcurrentLinkedQueue<>(sources);
        }

        List<MermaidSource> next() {
            List<MermaidSource> batch = new ArrayList<>(BATCH);
            for (MermaidSource s = left.poll(); s != null; s = batch.size() < BATCH ? left.poll() : null) {
                batch.add(s);
            }
            return batch;
        }

        synchronized int done(int more) {
            done += more;
            return done;
        }
    }
}

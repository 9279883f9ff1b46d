package io.coursekit.site.diagrams;

import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One headless Chromium of this machine, driven over the Chrome DevTools Protocol through Selenium's connection
 * (no WebDriver, so no chromedriver is needed). It ends when {@link #close()} is called or when this JVM dies.
 */
final class Chromium implements AutoCloseable {
    /** Where to look when {@code COURSEKIT_CHROMIUM} does not say: Debian's package first, then the usual names. */
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--disable-dev-shm-usage", "--allow-file-access-from-files", "--mute-audio",
            // every tab draws at full speed: none of them is ever the visible one
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows");
    private static final Duration START = Duration.ofSeconds(30);
    static final Duration REPLY = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final Connection devtools;

    private Chromium(Process process, Path profile, Connection devtools) {
        this.process = process;
        this.profile = profile;
        this.devtools = devtools;
    }

    /**
     * The browser to use: {@code COURSEKIT_CHROMIUM} when set (a path, or {@code none} to draw diagrams in the
     * reader's browser instead), else the first of chromium, chromium-browser, google-chrome on the PATH.
     */
    static Optional<Path> find() {
        String chosen = System.getenv("COURSEKIT_CHROMIUM");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.equals("none") ? Optional.empty() : Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser with a fresh profile and connects to it. */
    static Chromium start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("coursekit-chromium");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                // Chromium gets no stdin of ours: the shell waits on it instead and ends Chromium once it closes,
                // which happens when this JVM exits, even by kill -9.
                "\"$0\" \"$@\" </dev/null >/dev/null 2>&1 & pid=$!; cat >/dev/null; kill $pid 2>/dev/null; wait $pid",
                executable.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String endpoint = awaitEndpoint(process, profile);
            ClientConfig config = ClientConfig.defaultConfig().baseUri(URI.create(endpoint)).readTimeout(REPLY);
            HttpClient client = HttpClient.Factory.createDefault().createClient(config);
            return new Chromium(process, profile, new Connection(client, endpoint, config));
        } catch (IOException | RuntimeException e) {
            stop(process);
            deleteTree(profile);
            throw e;
        }
    }

    /** Chromium writes its DevTools port and browser path into the profile once it listens. */
    private static String awaitEndpoint(Process process, Path profile) throws IOException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return "ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip();
                }
            }
            if (!process.isAlive()) {
                throw new IOException("it exited with status " + process.exitValue() + " before it listened");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while it started");
            }
        }
        throw new IOException("it did not listen within " + START.toSeconds() + " s");
    }

    /** A new tab showing {@code url}, loaded. */
    Tab open(String url) {
        Map<String, Object> created = call(null, "Target.createTarget", Map.of("url", "about:blank"));
        String target = (String) created.get("targetId");
        Map<String, Object> attached = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true));
        Tab tab = new Tab(target, new SessionID((String) attached.get("sessionId")));
        tab.call("Page.enable", Map.of());
        tab.navigate(url);
        return tab;
    }

    private Map<String, Object> call(SessionID session, String method, Map<String, Object> params) {
        return devtools.sendAndWait(session, new Command<Map<String, Object>>(method, params, (Type) Map.class), REPLY);
    }

    @Override
    public void close() {
        try {
            devtools.close();
        } finally {
            stop(process);
            deleteTree(profile);
        }
    }

    private static void stop(Process process) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a temporary folder of ours; one left behind in the temporary folder is harmless. */
    static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // nothing more to do
        }
    }

    /** One tab of the browser, attached in flat mode so several tabs work at the same time. */
    final class Tab {
        private final String target;
        private final SessionID session;

        private Tab(String target, SessionID session) {
            this.target = target;
            this.session = session;
        }

        Map<String, Object> call(String method, Map<String, Object> params) {
            return Chromium.this.call(session, method, params);
        }

        void navigate(String url) {
            call("Page.navigate", Map.of("url", url));
            awaitReady();
        }

        private void awaitReady() {
            long deadline = System.nanoTime() + START.toNanos();
            while (!"complete".equals(evaluate("document.readyState"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Chromium tab did not load within " + START.toSeconds() + " s");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while a tab loaded", e);
                }
            }
        }

        /** Runs a script, waiting for its promise, and returns its value (strings, numbers, booleans, null). */
        Object evaluate(String expression) {
            Map<String, Object> reply = call("Runtime.evaluate",
                    Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            if (reply.get("exceptionDetails") instanceof Map<?, ?> details) {
                Object exception = details.get("exception");
                Object text = exception instanceof Map<?, ?> e && e.get("description") != null ? e.get("description") : details.get("text");
                throw new IllegalStateException("script failed in Chromium: " + text);
            }
            Object result = reply.get("result");
            return result instanceof Map<?, ?> value ? value.get("value") : null;
        }

        void close() {
            Chromium.this.call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }
}

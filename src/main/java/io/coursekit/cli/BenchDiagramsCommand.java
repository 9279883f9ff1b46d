package io.coursekit.cli;

import io.coursekit.UserCache;
import io.coursekit.site.CourseSources;
import io.coursekit.site.SiteBuilder;
import io.coursekit.site.diagrams.DiagramCache;
import io.coursekit.site.diagrams.GeneratedDiagrams;
import io.coursekit.site.diagrams.MermaidDiagrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "diagrams", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time drawing a generated course's diagrams at build time against mermaid-cli, in the same run.",
                "",
                "Cold is a full build with an empty diagram cache: Chromium started, every diagram drawn light and dark. "
                        + "Warm is the same build again, with nothing to draw.",
                "The baseline is mermaid-cli (mmdc) run once per diagram, as an author's publishing script does, on a "
                        + "sample of the same diagrams with this machine's Chromium.",
                "mermaid-cli is installed with npm into DIR on first use; puppeteer's own browser is not downloaded."},
        footer = {"", "Example:", "  java -jar target/coursekit.jar bench diagrams --diagrams 835 --pages 359 --baseline-count 10"})
final class BenchDiagramsCommand implements Callable<Integer> {
    private static final String MERMAID_CLI = "@mermaid-js/mermaid-cli@11";

    @Spec
    CommandSpec spec;

    @Option(names = "--diagrams", defaultValue = "835", description = "Diagrams in the generated course (default: ${DEFAULT-VALUE}).")
    int diagrams;

    @Option(names = "--pages", defaultValue = "359", description = "Pages they are spread over (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--baseline-count", defaultValue = "10", paramLabel = "K",
            description = "Diagrams drawn with mermaid-cli, one process each; 0 skips the baseline (default: ${DEFAULT-VALUE}).")
    int baselineCount;

    @Option(names = "--mermaid-cli", paramLabel = "DIR",
            description = "Where mermaid-cli is (or is installed with npm): default ~/.cache/coursekit/bench/mermaid-cli.")
    Path mermaidCli;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("coursekit-bench-diagrams");
        try {
            Path content = work.resolve("content");
            List<String> sources = GeneratedDiagrams.write(content, pages, diagrams);
            out.printf("generated %d diagrams on %d pages in %s (Mermaid %s, %d cores)%n", sources.size(),
                    pages, content, MermaidDiagrams.mermaidVersion(), Runtime.getRuntime().availableProcessors());
            DiagramCache cache = new DiagramCache(work.resolve("cache"));
            MermaidDiagrams drawing = new MermaidDiagrams(cache, MermaidDiagrams.systemChromium(), line -> out.println("notice: " + line));
            double cold = build(content, work.resolve("site"), drawing);
            MermaidDiagrams.Tally first = drawing.tally();
            double warm = build(content, work.resolve("site"), drawing);
            MermaidDiagrams.Tally second = drawing.tally();
            if (first.drawn() != sources.size() || second.drawn() != 0) {
                out.printf("cold build drew %d of %d diagrams and the warm one %d (%d left to the browser): nothing to compare%n",
                        first.drawn(), sources.size(), second.drawn(), first.inBrowser());
                return 1;
            }
            out.printf("cold build  : %.1f s for %d diagrams = %.1f ms per diagram (Chromium start included; light and dark)%n",
                    cold / 1000, sources.size(), cold / sources.size());
            out.printf("warm build  : %.1f s, %d diagrams drawn, %d from the cache = %.2f ms per diagram%n",
                    warm / 1000, second.drawn(), second.cached(), warm / sources.size());
            Optional<Double> baseline = baseline(out, work, sources);
            baseline.ifPresent(perDiagram -> {
                out.printf("mermaid-cli : %.0f ms per diagram (one mmdc per diagram, %d diagrams; %.1f min for all %d)%n",
                        perDiagram, baselineCount, perDiagram * sources.size() / 60_000, sources.size());
                out.printf("ratio       : cold build is %.1fx faster per diagram than mermaid-cli (warm %.0fx)%n",
                        perDiagram / (cold / sources.size()), perDiagram / (warm / sources.size()));
            });
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static double build(Path content, Path site, MermaidDiagrams drawing) {
        long started = System.nanoTime();
        new SiteBuilder(CourseSources.of(content), site, true, drawing).build();
        return (System.nanoTime() - started) / 1e6;
    }

    /** mean milliseconds per diagram with mermaid-cli, or empty (saying why) when it cannot run here */
    private Optional<Double> baseline(PrintWriter out, Path work, List<String> sources) throws IOException, InterruptedException {
        if (baselineCount <= 0) {
            return Optional.empty();
        }
        Path dir = mermaidCli != null ? mermaidCli : UserCache.folder("bench").resolve("mermaid-cli");
        Path mmdc = dir.resolve("node_modules/.bin/mmdc");
        Optional<Path> chromium = MermaidDiagrams.systemChromium();
        if (chromium.isEmpty()) {
            out.println("mermaid-cli : skipped, it needs a Chromium and there is none");
            return Optional.empty();
        }
        if (!Files.isExecutable(mmdc)) {
            out.printf("mermaid-cli : installing %s into %s with npm (once)%n", MERMAID_CLI, dir);
            out.flush();
            Files.createDirectories(dir);
            ProcessBuilder npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", MERMAID_CLI).redirectErrorStream(true).redirectOutput(work.resolve("npm.log").toFile());
            npm.environment().put("PUPPETEER_SKIP_DOWNLOAD", "true");
            int exit;
            try {
                exit = run(npm, 600);
            } catch (IOException e) {
                out.println("mermaid-cli : skipped, npm cannot run here: " + e.getMessage());
                return Optional.empty();
            }
            if (exit != 0 || !Files.isExecutable(mmdc)) {
                out.println("mermaid-cli : skipped, npm install failed:\n" + Files.readString(work.resolve("npm.log")));
                return Optional.empty();
            }
        }
        Path config = work.resolve("puppeteer.json");
        Files.writeString(config, "{\"executablePath\": \"" + chromium.get() + "\", \"args\": "
                + "[\"--headless\", \"--no-sandbox\", \"--disable-gpu\", \"--disable-background-networking\"]}\n");
        List<Path> inputs = new ArrayList<>();
        int step = Math.max(1, sources.size() / baselineCount);
        for (int i = 0; i < baselineCount && i * step < sources.size(); i++) {
            Path input = work.resolve("mmdc-" + i + ".mmd");
            Files.writeString(input, sources.get(i * step));
            inputs.add(input);
        }
        long started = System.nanoTime();
        for (Path input : inputs) {
            ProcessBuilder draw = new ProcessBuilder(mmdc.toString(), "-q", "-p", config.toString(), "-i", input.toString(),
                    "-o", input.toString().replace(".mmd", ".svg")).redirectErrorStream(true)
                    .redirectOutput(work.resolve("mmdc.log").toFile());
            if (run(draw, 120) != 0) {
                out.println("mermaid-cli : skipped, mmdc failed on " + input + ":\n" + Files.readString(work.resolve("mmdc.log")));
                return Optional.empty();
            }
        }
        return Optional.of((System.nanoTime() - started) / 1e6 / inputs.size());
    }

    private static int run(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}

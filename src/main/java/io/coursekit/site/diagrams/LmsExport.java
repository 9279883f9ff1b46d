package io.coursekit.site.diagrams;

import io.coursekit.UserError;
import io.coursekit.site.BuildFailure;
import io.coursekit.site.BuildProblem;
import io.coursekit.site.FencedBlock;
import io.coursekit.site.SiteFolder;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code coursekit export lms}: the course as Markdown for an LMS that cannot draw Mermaid. Each diagram becomes an
 * image link to a PNG or SVG file named by its content hash; every other line and file is copied as it is.
 */
public final class LmsExport {
    static final String IMAGES = "diagrams";
    private static final Pattern ACC_TITLE = Pattern.compile("(?m)^\\s*accTitle\\s*:\\s*(.+)$");
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** How diagrams are exported: the picture format and where the LMS finds the pictures. */
    public enum Format {
        PNG(DiagramFormat.PNG_FILE), SVG(DiagramFormat.SVG_FILE);

        private final DiagramFormat picture;

        Format(DiagramFormat picture) {
            this.picture = picture;
        }
    }

    /**
     * What an export wrote.
     *
     * @param markdownFiles Markdown files written (with or without diagrams)
     * @param diagrams      diagram blocks replaced by image links
     * @param pictures      distinct picture files written
     * @param copied        other files copied as they are
     */
    public record Result(Path out, int markdownFiles, int diagrams, int pictures, int copied) {
    }

    /** One Mermaid block of a Markdown file: its lines (0-based, inclusive) and what comes before its fence. */
    private record Block(int firstLine, int lastLine, String indent, FencedBlock fenced) {
        MermaidSource source() {
            return MermaidDiagrams.sourceOf(fenced);
        }
    }

    private final MermaidDiagrams diagrams;

    public LmsExport(MermaidDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    /**
     * @param imageBase where the LMS serves the pictures (links become {@code imageBase/<file>}); empty links each
     *                  page to the pictures in {@code out/diagrams/} by a relative path
     */
    public Result export(Path content, Path out, Optional<String> imageBase, Format format) {
        if (!Files.isDirectory(content)) {
            throw new UserError("content folder not found: " + content.toAbsolutePath());
        }
        Path source = content.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(source) || source.startsWith(target)) {
            throw new UserError("--out " + out + " must be outside the content folder " + content + ", and not hold it");
        }
        SiteFolder.refuseForeign(target);
        List<Path> files = files(source);
        Map<Path, List<Block>> blocks = new LinkedHashMap<>();
        for (Path file : files) {
            if (file.toString().endsWith(".md")) {
                blocks.put(file, blocksOf(content.resolve(source.relativize(file)), read(file)));
            }
        }
        List<MermaidSource> sources = blocks.values().stream().flatMap(List::stream).map(Block::source).distinct().toList();
        Map<MermaidSource, Drawing> pictures = sources.isEmpty() ? Map.of()
                : diagrams.pictures(sources, EnumSet.of(format.picture));
        if (pictures.size() < sources.size()) {
            throw new UserError("export lms draws its " + sources.size() + " diagrams in Chromium, and there is none here:"
                    + " install chromium, or set COURSEKIT_CHROMIUM to its path");
        }
        List<BuildProblem> problems = new ArrayList<>();
        blocks.forEach((file, list) -> list.forEach(block -> {
            if (pictures.get(block.source()) instanceof Drawing.Failed failed) {
                problems.add(MermaidDiagrams.problemOf(block.fenced(), failed));
            }
        }));
        if (!problems.isEmpty()) {
            throw new BuildFailure(problems);
        }
        SiteFolder folder = SiteFolder.aside(target);
        try {
            for (MermaidSource diagram : sources) {
                Drawing.Pictures drawn = (Drawing.Pictures) pictures.get(diagram);
                folder.write(IMAGES + "/" + diagram.fileName(format.picture), drawn.pictures().get(format.picture));
            }
            int copied = 0;
            int replaced = 0;
            for (Path file : files) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                List<Block> inFile = blocks.get(file);
                if (inFile == null) {
                    folder.copy(file, relative);
                    copied++;
                    continue;
                }
                String link = imageBase.map(base -> base.replaceAll("/+$", "") + "/")
                        .orElseGet(() -> relative(target.resolve(relative).getParent(), target.resolve(IMAGES)));
                folder.writeText(relative, rewrite(read(file), inFile, link, format.picture));
                replaced += inFile.size();
            }
            folder.commit();
            return new Result(out, blocks.size(), replaced, sources.size(), copied);
        } catch (RuntimeException e) {
            folder.abandon();
            throw e;
        }
    }

    private static List<Block> blocksOf(Path file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                String info = code.getInfo() == null ? "" : code.getInfo().strip();
                if (!info.split("\\s+", 2)[0].equals("mermaid") || code.getSourceSpans().isEmpty()
                        || code.getLiteral().isBlank()) {
                    return;
                }
                var spans = code.getSourceSpans();
                int first = spans.get(0).getLineIndex();
                int last = spans.get(spans.size() - 1).getLineIndex();
                String opening = lines.get(first);
                String indent = opening.substring(0, Math.min(opening.length(), spans.get(0).getColumnIndex()));
                blocks.add(new Block(first, last, indent, new FencedBlock("mermaid", code.getLiteral(), file, first + 1)));
            }
        });
        return blocks;
    }

    /** The file with each diagram block's lines replaced by one image line; every other line stays as it was. */
    private static String rewrite(String markdown, List<Block> blocks, String link, DiagramFormat format) {
        List<String> lines = new ArrayList<>();
        Matcher line = Pattern.compile("[^\\n]*(\\n|$)").matcher(markdown);
        while (line.find() && line.end() > line.start()) {
            lines.add(line.group());
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (Block block : blocks) {
            for (; next < block.firstLine(); next++) {
                out.append(lines.get(next));
            }
            String ending = lines.get(block.lastLine()).endsWith("\r\n") ? "\r\n" : lines.get(block.lastLine()).endsWith("\n") ? "\n" : "";
            out.append(block.indent()).append("![").append(altOf(block.source())).append("](")
                    .append(link).append(block.source().fileName(format)).append(")").append(ending);
            next = block.lastLine() + 1;
        }
        for (; next < lines.size(); next++) {
            out.append(lines.get(next));
        }
        return out.toString();
    }

    /** The diagram's own accessible title (accTitle) when it has one, else what kind of diagram it is. */
    private static String altOf(MermaidSource source) {
        Matcher title = ACC_TITLE.matcher(source.text());
        String alt = title.find() ? title.group(1).strip() : "diagram: " + source.text().lines().findFirst().orElse("").strip();
        return alt.replace("[", "(").replace("]", ")");
    }

    private static String relative(Path from, Path to) {
        String path = from.relativize(to).toString().replace('\\', '/');
        return path.isEmpty() ? "" : path + "/";
    }

    private static List<Path> files(Path content) {
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !content.relativize(f).toString().replace('\\', '/').matches("(.*/)?\\.git(/.*)?"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + content + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " as UTF-8 text: " + e.getMessage());
        }
    }
}

package io.coursekit.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A graded submission's report folders ({@code <view>/<file>}) as one zip, the way they travel from a worker to the
 * portal. The portal unpacks only names of that shape: a queue anyone reached could not write elsewhere.
 */
final class ReportBundle {
    private static final Pattern ENTRY = Pattern.compile("(before-due|after-due|instructor)/[a-z]+\\.(json|html|xml)");

    private ReportBundle() {
    }

    static byte[] zip(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bundle the reports in " + dir, e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks into {@code dir}; returns the view folders it wrote. */
    static List<String> unzipInto(byte[] bundle, Path dir) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!ENTRY.matcher(entry.getName()).matches()) {
                    throw new IOException("unexpected entry '" + entry.getName() + "' in a worker's reports");
                }
                Path out = dir.resolve(entry.getName());
                Files.createDirectories(out.getParent());
                Files.write(out, zip.readAllBytes());
            }
        }
        try (Stream<Path> views = Files.list(dir)) {
            return views.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

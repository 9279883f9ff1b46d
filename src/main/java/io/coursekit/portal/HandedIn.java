package io.coursekit.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sources of one upload, whatever shape they came in (a zip, a dropped folder, single files), sorted by path:
 * two uploads of the same sources are the same submission, and the zip workers grade holds exactly these files.
 */
public record HandedIn(List<SourceFile> files) {

    public HandedIn {
        files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
    }

    /** A digest of every path and its bytes; equal for equal sources, however they were zipped. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SourceFile file : files) {
                byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthOf(path.length));
                sha.update(path);
                sha.update(lengthOf(file.content().length));
                sha.update(file.content());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The sources as a zip with fixed times, so equal sources give equal bytes. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (SourceFile file : files) {
                ZipEntry entry = new ZipEntry(file.path());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] lengthOf(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }
}

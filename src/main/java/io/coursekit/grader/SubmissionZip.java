package io.coursekit.grader;


import io.coursekit.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks the {@code .java} files of a submitted zip, refusing the whole zip when any entry could escape
 * the target folder ({@code ..}, absolute paths, links) or when it unpacks to more than the limits allow.
 */
public final class SubmissionZip {

    /** Bounds against zip bombs; sizes are counted while unpacking, never taken from the zip's headers. */
    record Limits(int entries, long entryBytes, long totalBytes) {
        static final Limits DEFAULT = new Limits(10_000, 4L << 20, 64L << 20);
        /** A whole class downloaded from an LMS: hundreds of submissions, each a zip of its own. */
        static final Limits CLASS = new Limits(200_000, 256L << 20, 4L << 30);
    }

    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;

    private final Path zip;
    private final Limits limits;

    SubmissionZip(Path zip, Limits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    /**
     * Unpacks a class's zip (a folder or a .zip per student) with the same safety as a single submission:
     * its {@code .java} and {@code .zip} entries, under {@link Limits#CLASS}.
     */
    public static void unpackClassInto(Path zip, Path target) {
        new SubmissionZip(zip, Limits.CLASS).unpackInto(target, name -> isSource(name) || isZip(name));
    }

    void unpackSourcesInto(Path target) {
        unpackInto(target, SubmissionZip::isSource);
    }

    private void unpackInto(Path target, Predicate<String> wanted) {
        Set<String> links = linkEntries();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            if (file.size() > limits.entries()) {
                throw refused("it has " + file.size() + " entries, more than the " + limits.entries() + " allowed");
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                checkName(name);
                if (links.contains(entry.getName())) {
                    throw refused("entry '" + entry.getName() + "' is a symbolic link");
                }
                if (entry.isDirectory() || !wanted.test(name)) {
                    continue;
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    throw refused("entry '" + entry.getName() + "' would be written outside the submission folder");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                    total += copy(in, os, entry.getName(), limits.totalBytes() - total);
                }
            }
        } catch (ZipException e) {
            throw new UserError(zip + ": not a readable zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UserError(zip + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    private static boolean isSource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return fileName.endsWith(".java") && !fileName.startsWith("._") && !name.startsWith("__MACOSX/");
    }

    private static boolean isZip(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return fileName.toLowerCase().endsWith(".zip") && !fileName.startsWith("._") && !name.startsWith("__MACOSX/");
    }

    private void checkName(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw refused("entry '" + name + "' has an absolute path");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw refused("entry '" + name + "' points outside the submission folder ('..')");
            }
        }
    }

    private long copy(InputStream in, OutputStream out, String entry, long totalLeft) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (written > limits.entryBytes()) {
                throw refused("entry '" + entry + "' unpacks to more than " + mib(limits.entryBytes()));
            }
            if (written > totalLeft) {
                throw refused("it unpacks to more than " + mib(limits.totalBytes()) + " in all");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    /** Names of entries a Unix zip tool stored as symbolic links; java.util.zip does not expose this. */
    private Set<String> linkEntries() {
        Set<String> links = new HashSet<>();
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "r")) {
            ByteBuffer end = endOfCentralDirectory(file);
            if (end == null) {
                return links;
            }
            long size = Integer.toUnsignedLong(end.getInt(12));
            long offset = Integer.toUnsignedLong(end.getInt(16));
            if (offset + size > file.length()) {
                throw new UserError(zip + ": not a readable zip file (its central directory is damaged)");
            }
            ByteBuffer directory = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            file.seek(offset);
            file.readFully(directory.array());
            while (directory.remaining() >= 46 && directory.getInt(directory.position()) == CENTRAL_HEADER) {
                int at = directory.position();
                int host = Byte.toUnsignedInt(directory.get(at + 5));
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
                int mode = directory.getInt(at + 38) >>> 16;
                if (at + 46 + nameLength > directory.limit()) {
                    break;
                }
                if (host == UNIX_HOST && (mode & FILE_TYPE_MASK) == SYMLINK_TYPE) {
                    links.add(new String(directory.array(), at + 46, nameLength, StandardCharsets.UTF_8));
                }
                directory.position(Math.min(directory.limit(), at + 46 + nameLength + extraLength + commentLength));
            }
            return links;
        } catch (IOException e) {
            throw new UserError(zip + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer endOfCentralDirectory(RandomAccessFile file) throws IOException {
        int tail = (int) Math.min(file.length(), 22 + 0xFFFF);
        byte[] bytes = new byte[tail];
        file.seek(file.length() - tail);
        file.readFully(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail - 22; at >= 0; at--) {
            if (buffer.getInt(at) == END_OF_CENTRAL_DIRECTORY) {
                return buffer.slice(at, 22).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return null;
    }

    private UserError refused(String why) {
        return new UserError(zip + ": zip refused: " + why);
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}

package io.coursekit.portal;

import io.coursekit.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where uploads are handed in: reads the sources of a zip, a dropped folder or loose files with the grader's own
 * safety, refuses what the rules do not allow, gives an identical re-upload back the submission it repeats, and
 * stores a new submission before it is queued, so nothing said yes to is lost.
 */
public final class SubmissionDesk {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One uploaded file: its name as the browser sent it (a dropped folder's files carry their path in it). */
    public record UploadedPart(String name, byte[] content) {
    }

    /** @param identical true when the same sources were handed in before: that submission is given back */
    public record Accepted(StoredSubmission submission, boolean identical) {
    }

    private final PortalStore store;
    private final SubmissionFiles files;
    private final PortalRules rules;
    private final Consumer<StoredSubmission> queue;
    private final Clock clock;

    SubmissionDesk(PortalStore store, SubmissionFiles files, PortalRules rules, Consumer<StoredSubmission> queue,
                   Clock clock) {
        this.store = store;
        this.files = files;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
    }

    public Accepted submit(String student, List<UploadedPart> parts) {
        long size = parts.stream().mapToLong(p -> p.content().length).sum();
        if (size > rules.uploadBytes()) {
            throw new UploadRefused(UploadRefused.Reason.TOO_LARGE, (size + 1023) / 1024 + " KiB, more than the "
                    + rules.uploadBytes() / 1024 + " KiB allowed");
        }
        HandedIn handedIn = new HandedIn(sources(parts));
        if (handedIn.files().isEmpty()) {
            throw new UploadRefused(UploadRefused.Reason.NO_SOURCES, "");
        }
        if (handedIn.files().size() > rules.sourceFiles()) {
            throw new UploadRefused(UploadRefused.Reason.TOO_MANY_FILES, handedIn.files().size()
                    + " .java files, more than the " + rules.sourceFiles() + " allowed");
        }
        String digest = handedIn.digest();
        StoredSubmission added;
        // one student's uploads are checked against the rules and stored one at a time
        synchronized (store) {
            Instant now = clock.instant();
            List<StoredSubmission> earlier = store.submissionsOf(student);
            Optional<StoredSubmission> same = earlier.stream()
                    .filter(s -> s.digest().equals(digest) && s.status() != SubmissionStatus.FAILED).findFirst();
            if (same.isPresent()) {
                return new Accepted(same.get(), true);
            }
            Optional<Instant> closes = rules.closesAt();
            if (closes.isPresent() && now.isAfter(closes.get())) {
                throw new UploadRefused(UploadRefused.Reason.CLOSED, "", closes);
            }
            List<Instant> inPeriod = earlier.stream().map(StoredSubmission::received)
                    .filter(at -> at.isAfter(now.minus(rules.ratePeriod()))).sorted().toList();
            if (inPeriod.size() >= rules.rateLimit()) {
                Instant next = inPeriod.get(inPeriod.size() - rules.rateLimit()).plus(rules.ratePeriod());
                throw new UploadRefused(UploadRefused.Reason.RATE_LIMITED, rules.rateLimit() + " submissions in "
                        + rules.ratePeriod().toMinutes() + " minutes", Optional.of(next));
            }
            String id = HexFormat.of().formatHex(RANDOM.generateSeed(8));
            files.writeSources(id, handedIn.zip());
            added = store.add(id, student, now, digest, handedIn.files().size());
        }
        queue.accept(added);
        return new Accepted(added, false);
    }

    /** A single .zip is unpacked by the grader's rules; anything else is loose files, of which the .java ones count. */
    private static List<SourceFile> sources(List<UploadedPart> parts) {
        Path work = null;
        try {
            work = TemporaryFolder.create("coursekit-upload-");
            if (parts.size() == 1 && parts.get(0).name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                Path zip = Files.write(work.resolve("upload.zip"), parts.get(0).content());
                return SubmissionGrading.sources(zip);
            }
            Path folder = Files.createDirectory(work.resolve("upload"));
            for (UploadedPart part : parts) {
                String path = safePath(part.name());
                if (path.endsWith(".java")) {
                    Path file = folder.resolve(path);
                    Files.createDirectories(file.getParent());
                    Files.write(file, part.content());
                }
            }
            return SubmissionGrading.sources(folder);
        } catch (UserError e) {
            throw new UploadRefused(UploadRefused.Reason.BAD_UPLOAD, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an upload in a temporary folder", e);
        } finally {
            TemporaryFolder.delete(work);
        }
    }

    /** A dropped folder's file path, refused when it would climb out of the submission. */
    private static String safePath(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.equals("..") || part.contains(":")) {
                throw new UploadRefused(UploadRefused.Reason.BAD_UPLOAD, "file '" + name + "' points outside the submission");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            throw new UploadRefused(UploadRefused.Reason.BAD_UPLOAD, "a file without a name");
        }
        return String.join("/", parts);
    }
}

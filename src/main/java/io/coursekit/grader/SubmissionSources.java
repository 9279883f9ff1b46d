package io.coursekit.grader;

import io.coursekit.UserError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submission's sources as the compiler gets them: as text, whatever encoding an editor saved them in (UTF-8 with
 * or without a byte order mark, else MS949 as Korean Windows editors write it), leaving out the lab's own API types,
 * module-info.java and the submission's own tests.
 *
 * @param files relative path to text
 */
record SubmissionSources(Map<String, String> files, List<SourceNote> notes, long bytes) {
    /** Far more than any lab needs, and little enough for the compiler's frame. */
    static final long MAX_BYTES = 4L << 20;
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Charset MS949 = Charset.isSupported("x-windows-949") ? Charset.forName("x-windows-949")
            : Charset.forName("EUC-KR");

    static SubmissionSources read(Submission submission, Set<String> apiTypes) {
        Map<String, String> files = new LinkedHashMap<>();
        List<SourceNote> notes = new ArrayList<>();
        long bytes = 0;
        for (Path file : submission.javaFiles()) {
            Path relative = submission.root().relativize(file);
            String shown = relative.toString().replace(file.getFileSystem().getSeparator(), "/");
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserError(file + ": cannot read the submission: " + e.getMessage(), e);
            }
            bytes += raw.length;
            String text = decode(raw, shown, notes);
            String type = declaredType(text, relative);
            if (apiTypes.contains(type)) {
                notes.add(new SourceNote(shown, SourceNote.Kind.API_COPY, type));
            } else if (relative.getFileName().toString().equals("module-info.java")) {
                notes.add(new SourceNote(shown, SourceNote.Kind.MODULE_INFO, ""));
            } else if (isOwnTest(relative)) {
                notes.add(new SourceNote(shown, SourceNote.Kind.OWN_TEST, ""));
            } else {
                files.put(shown, text);
            }
        }
        return new SubmissionSources(files, notes, bytes);
    }

    /** UTF-8 without its byte order mark; MS949 when it is not UTF-8, with a note either way it is neither. */
    static String decode(byte[] raw, String shown, List<SourceNote> notes) {
        int start = raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(raw, start, raw.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                String text = strict(MS949).decode(bytes.rewind().position(start)).toString();
                notes.add(new SourceNote(shown, SourceNote.Kind.READ_AS_MS949, ""));
                return text;
            } catch (CharacterCodingException neither) {
                notes.add(new SourceNote(shown, SourceNote.Kind.UNREADABLE_CHARACTERS, ""));
                return new String(raw, start, raw.length - start, StandardCharsets.UTF_8);
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isOwnTest(Path relative) {
        for (int i = 0; i + 1 < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("src") && relative.getName(i + 1).toString().equals("test")) {
                return true;
            }
        }
        return false;
    }

    private static String declaredType(String text, Path relative) {
        String source = COMMENT.matcher(text).replaceAll(" ");
        Matcher pkg = PACKAGE.matcher(source);
        String name = relative.getFileName().toString().replaceFirst("\\.java$", "");
        return pkg.find() ? pkg.group(1) + "." + name : name;
    }
}

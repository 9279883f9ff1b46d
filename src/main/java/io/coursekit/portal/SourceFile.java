package io.coursekit.portal;

/** One .java file of a submission, at its path inside the submission ({@code lab/cacheaside/X.java}). */
public record SourceFile(String path, byte[] content) {
}

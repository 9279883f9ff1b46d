package io.coursekit.site;

/**
 * Why a Markdown file under the content folder is not a page of the site.
 *
 * @param where what left it out: the folder that course.yaml's {@code weeks} does not list, or the ignore pattern
 * @param line  the line of course.yaml that says so, 0 for a draft
 */
public record Unpublished(Reason reason, String where, int line) {

    public enum Reason { DRAFT, IGNORED, LEFT_OUT_OF_WEEKS }
}

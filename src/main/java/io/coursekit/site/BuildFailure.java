package io.coursekit.site;

import io.coursekit.UserError;

import java.util.List;
import java.util.stream.Collectors;

/** The build stopped: one {@code file:line: what} line per problem. */
public final class BuildFailure extends UserError {
    private final List<BuildProblem> problems;

    public BuildFailure(List<BuildProblem> problems) {
        super(problems.stream().map(BuildProblem::getMessage).collect(Collectors.joining("\n"))
                + "\nbuild failed: " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<BuildProblem> problems() {
        return problems;
    }
}

package io.coursekit.grader;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A submission taken in and waiting for its checks (see {@link Grader#compile}). Its classes live in a scratch folder
 * that {@link Grader#check} deletes; close it instead when it is never checked.
 */
public final class CompiledSubmission implements AutoCloseable {
    private final CompiledLab lab;
    private final String name;
    private final Intake intake;
    private final Path classes;
    private final Path work;
    private final Duration compileTime;
    private final JudgeJvm.Launch launch;

    CompiledSubmission(CompiledLab lab, String name, Intake intake, Path classes, Path work, Duration compileTime,
                       JudgeJvm.Launch launch) {
        this.lab = lab;
        this.name = name;
        this.intake = intake;
        this.classes = classes;
        this.work = work;
        this.compileTime = compileTime;
        this.launch = launch;
    }

    CompiledLab lab() {
        return lab;
    }

    String name() {
        return name;
    }

    Intake intake() {
        return intake;
    }

    Path classes() {
        return classes;
    }

    Duration compileTime() {
        return compileTime;
    }

    JudgeJvm.Launch launch() {
        return launch;
    }

    @Override
    public void close() {
        ScratchFolder.delete(work);
    }
}

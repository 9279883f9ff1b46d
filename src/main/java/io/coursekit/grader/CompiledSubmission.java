package io.coursekit.grader;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A submission compiled and waiting for its checks (see {@link Grader#compile}). Its classes live in a scratch folder
 * that {@link Grader#check} deletes; close it instead when it is never checked.
 */
public final class CompiledSubmission implements AutoCloseable {
    private final CompiledLab lab;
    private final String name;
    private final Compilation compilation;
    private final Path work;
    private final Duration compileTime;
    private final CheckJvmSetup setup;

    CompiledSubmission(CompiledLab lab, String name, Compilation compilation, Path work, Duration compileTime,
                       CheckJvmSetup setup) {
        this.lab = lab;
        this.name = name;
        this.compilation = compilation;
        this.work = work;
        this.compileTime = compileTime;
        this.setup = setup;
    }

    CompiledLab lab() {
        return lab;
    }

    String name() {
        return name;
    }

    Compilation compilation() {
        return compilation;
    }

    Duration compileTime() {
        return compileTime;
    }

    CheckJvmSetup setup() {
        return setup;
    }

    @Override
    public void close() {
        ScratchFolder.delete(work);
    }
}

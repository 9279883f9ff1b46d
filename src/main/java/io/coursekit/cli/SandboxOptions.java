package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.grader.Sandbox;
import picocli.CommandLine.Option;

/** Whether a class's code may run without a sandbox. */
final class SandboxOptions {

    @Option(names = "--unsandboxed", description = "Grade without a sandbox: student code then runs with your own "
            + "rights and can read your files and reach your network. Only for machines without bubblewrap, with code "
            + "you trust.")
    boolean unsandboxed;

    /** The sandbox to grade a class in; without one, a clear refusal unless {@code --unsandboxed} was given. */
    Sandbox forClass() {
        if (unsandboxed) {
            System.err.println("warning: --unsandboxed: student code runs with your own rights");
            return Sandbox.none("--unsandboxed");
        }
        Sandbox sandbox = Sandbox.detect();
        if (!sandbox.isolates()) {
            throw new UserError("a class's code needs a sandbox, and there is none on this machine: "
                    + sandbox.missing().orElseThrow() + ". Install bubblewrap (Debian: apt-get install bubblewrap), "
                    + "or pass --unsandboxed to grade without one.");
        }
        return sandbox;
    }
}

package io.coursekit.cli;

import io.coursekit.authoring.PackScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Start a lab pack in DIR/ID that passes 'lab check' as it is: a visit counter in Redis with every "
                        + "part a pack has, ready to be changed into your lab.",
                "",
                "It writes lab.yaml (two checks with hints in Korean and English), the API students code against, "
                        + "the checks, a reference, a starter Maven project and one wrong sample with "
                        + "samples/expected.yaml. Run 'lab check' after each change to see what to fix.",
                ""},
        footer = {"",
                "Exit status: 0 when the pack was written; 1 when the id is not lower-case words joined by '-' or the "
                        + "folder exists.",
                "",
                "Example:",
                "  java -jar target/coursekit.jar lab new write-behind",
                "  java -jar target/coursekit.jar lab check grader/labs/write-behind"})
final class LabNewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where the new pack's folder is made (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    @Parameters(paramLabel = "ID", description = "The lab's id, lower-case words joined by '-', such as write-behind.")
    String id;

    @Override
    public Integer call() {
        PrintWriter print = spec.commandLine().getOut();
        List<Path> written = PackScaffold.write(labsDir, id);
        written.forEach(file -> print.println("wrote " + file));
        print.println("next: java -jar target/coursekit.jar lab check " + labsDir.resolve(id));
        return 0;
    }
}

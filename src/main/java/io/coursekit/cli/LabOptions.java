package io.coursekit.cli;

import io.coursekit.lab.Lab;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which lab a grading command scores by, and where lab packs live. */
final class LabOptions {

    @Option(names = "--lab", required = true, paramLabel = "LAB",
            description = "The lab: an id under --labs-dir (cache-aside) or the path of a lab pack folder.")
    String lab;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where lab packs live (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    Lab lab() {
        return Lab.find(lab, labsDir);
    }
}

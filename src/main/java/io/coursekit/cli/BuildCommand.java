package io.coursekit.cli;

import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true, description = "Render content/ into a static course site.")
final class BuildCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("build: not yet");
    }
}

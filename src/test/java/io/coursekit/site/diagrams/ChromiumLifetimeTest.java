package io.coursekit.site.diagrams;

import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's Chromium never outlives coursekit: not after close(), and not after the JVM is killed with kill -9. */
class ChromiumLifetimeTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Run in a JVM of its own by the test: starts Chromium, prints its processes, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        Chromium chromium = Chromium.start(CHROMIUM);
        System.out.println("chromium " + ProcessHandle.current().descendants().map(p -> String.valueOf(p.pid()))
                .reduce((a, b) -> a + " " + b).orElse(""));
        System.out.flush();
        if (args.length > 0) {
            chromium.close();
            System.out.println("closed");
            System.out.flush();
        }
        Thread.sleep(120_000);
    }

    @Test
    void killingTheJvmEndsItsChromium() throws Exception {
        assertEnds(false);
    }

    @Test
    void closingEndsChromium() throws Exception {
        assertEnds(true);
    }

    private static void assertEnds(boolean close) throws Exception {
        Fixtures.assumeChromium();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChromiumLifetimeTest.class.getName()));
        if (close) {
            command.add("close");
        }
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("chromium ");
            List<ProcessHandle> browser = Arrays.stream(line.substring("chromium ".length()).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid))).flatMap(java.util.Optional::stream)
                    .filter(p -> p.info().command().orElse("").contains("chromium")).toList();
            assertThat(browser).as("Chromium's processes under the JVM").isNotEmpty();
            if (close) {
                assertThat(out.readLine()).isEqualTo("closed");
            } else {
                jvm.destroyForcibly();
                jvm.waitFor(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (browser.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(browser.stream().filter(ProcessHandle::isAlive)).as("Chromium processes left running").isEmpty();
        } finally {
            jvm.destroyForcibly();
        }
    }
}

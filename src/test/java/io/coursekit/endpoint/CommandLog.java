package io.coursekit.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every command a local redis-server receives from other clients, recorded with {@code redis-cli MONITOR}. */
final class CommandLog implements AutoCloseable {
    private static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");
    /** A MONITOR line: {@code 1700000000.123456 [0 127.0.0.1:5555] "SCAN" "0" ...}. */
    private static final Pattern LINE = Pattern.compile("^[0-9.]+ \\[\\d+ [^]]+] \"([^\"]+)\"");

    private final Process monitor;
    private final Path file;

    private CommandLog(Process monitor, Path file) {
        this.monitor = monitor;
        this.file = file;
    }

    static CommandLog start(int port, Path file) throws IOException, InterruptedException {
        Process monitor = new ProcessBuilder(REDIS_CLI.toString(), "-p", String.valueOf(port), "monitor")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        CommandLog log = new CommandLog(monitor, file);
        long until = System.currentTimeMillis() + 5_000;
        while (!Files.readString(file, StandardCharsets.UTF_8).startsWith("OK")) {
            if (System.currentTimeMillis() > until) {
                log.close();
                throw new IllegalStateException("redis-cli monitor did not start on port " + port);
            }
            Thread.sleep(10);
        }
        return log;
    }

    /** The names of the commands seen so far, upper case, in order. */
    List<String> commands() throws IOException, InterruptedException {
        Thread.sleep(200);
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(LINE::matcher).filter(Matcher::find)
                .map(m -> m.group(1).toUpperCase()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        monitor.destroy();
        monitor.waitFor(3, TimeUnit.SECONDS);
    }
}

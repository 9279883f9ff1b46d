package io.coursekit.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the grader tells a check JVM on its standard input: first, once, where to report, which Redis to use and how
 * much output to keep per check, so the JVM can warm up while the submission still compiles; then, for each
 * submission it grades, an {@link Order}. Closing standard input ends the JVM.
 */
record RunnerOrders(int reportPort, URI redis, int outputCap) {
    private static final String END_OF_SETUP = "warm-up";
    private static final String END_OF_SUBMISSION = "run";

    /**
     * One submission to grade.
     *
     * @param classpath the lab's checks and the submission's classes, for a class loader of their own
     */
    record Order(List<Path> classpath, List<CheckMethod> checks) {
    }

    void writeSetup(OutputStream out) throws IOException {
        String text = "report-port " + reportPort + "\nredis " + redis + "\noutput-cap " + outputCap + "\n" + END_OF_SETUP + "\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void writeOrder(OutputStream out, Order order) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path entry : order.classpath()) {
            text.append("classpath ").append(entry.toAbsolutePath()).append('\n');
        }
        for (CheckMethod check : order.checks()) {
            text.append("check ").append(check.checkId()).append(' ').append(check.className()).append(' ')
                    .append(check.methodName()).append('\n');
        }
        out.write(text.append(END_OF_SUBMISSION).append('\n').toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static RunnerOrders readSetup(BufferedReader in) throws IOException {
        int port = -1;
        URI redis = null;
        int cap = 0;
        for (String line; (line = in.readLine()) != null && !line.equals(END_OF_SETUP); ) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "report-port" -> port = Integer.parseInt(words[1]);
                case "redis" -> redis = URI.create(words[1]);
                case "output-cap" -> cap = Integer.parseInt(words[1]);
                default -> throw new IOException("unknown order: " + line);
            }
        }
        if (port < 0 || redis == null) {
            throw new IOException("incomplete orders: the check runner is started by coursekit grade");
        }
        return new RunnerOrders(port, redis, cap);
    }

    /** The next submission to grade; empty when the grader closed standard input. */
    static Optional<Order> readOrder(BufferedReader in) throws IOException {
        List<Path> classpath = new ArrayList<>();
        List<CheckMethod> checks = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals(END_OF_SUBMISSION)) {
                return Optional.of(new Order(List.copyOf(classpath), List.copyOf(checks)));
            }
            String[] words = line.split(" ");
            if (words[0].equals("classpath") && words.length > 1) {
                classpath.add(Path.of(line.substring("classpath ".length())));
            } else if (words[0].equals("check") && words.length == 4) {
                checks.add(new CheckMethod(words[1], words[2], words[3]));
            } else {
                throw new IOException("unknown order: " + line);
            }
        }
        return Optional.empty();
    }
}

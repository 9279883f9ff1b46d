package io.coursekit.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader tells a check JVM on its standard input, in two parts: first where to report, which Redis to use
 * and how much output to keep per check, so the JVM can warm up while the submission still compiles; then which
 * checks to run, ended by closing standard input.
 */
record RunnerOrders(int reportPort, URI redis, int outputCap, List<CheckMethod> checks) {
    private static final String END_OF_SETUP = "warm-up";

    void writeSetup(OutputStream out) throws IOException {
        String text = "report-port " + reportPort + "\nredis " + redis + "\noutput-cap " + outputCap + "\n" + END_OF_SETUP + "\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void writeChecks(OutputStream out, List<CheckMethod> checks) throws IOException {
        StringBuilder text = new StringBuilder();
        for (CheckMethod check : checks) {
            text.append("check ").append(check.checkId()).append(' ').append(check.className()).append(' ')
                    .append(check.methodName()).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the set-up part; {@link #checks()} is empty until {@link #withChecks} reads the rest. */
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
        return new RunnerOrders(port, redis, cap, List.of());
    }

    RunnerOrders withChecks(BufferedReader in) throws IOException {
        List<CheckMethod> checks = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.split(" ");
            if (words.length != 4 || !words[0].equals("check")) {
                throw new IOException("unknown order: " + line);
            }
            checks.add(new CheckMethod(words[1], words[2], words[3]));
        }
        return new RunnerOrders(reportPort, redis, outputCap, checks);
    }
}

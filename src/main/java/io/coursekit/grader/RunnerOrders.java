package io.coursekit.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader tells a check JVM on its standard input: where to report, which Redis to use, how much output
 * to keep per check, and which checks to run. Standard input is read to its end before any check runs.
 */
record RunnerOrders(int reportPort, URI redis, int outputCap, List<CheckMethod> checks) {

    void write(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("report-port ").append(reportPort).append('\n');
        text.append("redis ").append(redis).append('\n');
        text.append("output-cap ").append(outputCap).append('\n');
        for (CheckMethod check : checks) {
            text.append("check ").append(check.checkId()).append(' ').append(check.className()).append(' ')
                    .append(check.methodName()).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static RunnerOrders read(InputStream in) throws IOException {
        int port = -1;
        URI redis = null;
        int cap = 0;
        List<CheckMethod> checks = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "report-port" -> port = Integer.parseInt(words[1]);
                case "redis" -> redis = URI.create(words[1]);
                case "output-cap" -> cap = Integer.parseInt(words[1]);
                case "check" -> checks.add(new CheckMethod(words[1], words[2], words[3]));
                default -> throw new IOException("unknown order: " + line);
            }
        }
        if (port < 0 || redis == null) {
            throw new IOException("incomplete orders: the check runner is started by coursekit grade");
        }
        return new RunnerOrders(port, redis, cap, checks);
    }
}

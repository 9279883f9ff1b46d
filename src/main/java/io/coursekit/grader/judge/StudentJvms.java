package io.coursekit.grader.judge;

import io.coursekit.grader.JudgeSetup;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Student JVMs started ahead of need, so a submission's checks never wait for one to start. Each one is handed out
 * once, before any student code has run in it: no JVM ever runs two submissions, or one submission after its end.
 */
final class StudentJvms implements AutoCloseable {
    private final List<String> command;
    private final int ahead;
    private final long graceMillis;
    private final Deque<StudentJvm> started = new ArrayDeque<>();
    private int launched;

    /** @param graceMillis how long each JVM may take to end by itself when closed */
    StudentJvms(List<String> command, int ahead, long graceMillis) {
        this.command = command;
        this.ahead = ahead;
        this.graceMillis = graceMillis;
    }

    /** Starts JVMs until {@code ahead} are waiting. */
    synchronized void fill() {
        while (started.size() < ahead) {
            try {
                started.add(launch());
            } catch (IOException e) {
                // take() starts one itself and says why it cannot
                return;
            }
        }
    }

    /** A JVM that has run nothing yet, ready; another starts in its place. */
    StudentJvm take() throws IOException {
        StudentJvm jvm;
        synchronized (this) {
            jvm = started.isEmpty() ? launch() : started.poll();
        }
        fill();
        jvm.awaitReady();
        return jvm;
    }

    private StudentJvm launch() throws IOException {
        String number = String.valueOf(++launched);
        return StudentJvm.launch(command.stream().map(part -> part.replace(JudgeSetup.JVM_NUMBER, number)).toList(),
                graceMillis);
    }

    /** Ends the JVMs waiting here at once: none ran anything, so none has a class archive worth writing. */
    @Override
    public synchronized void close() {
        started.forEach(StudentJvm::kill);
        started.clear();
    }
}

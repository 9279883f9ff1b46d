package io.coursekit.lab;

import java.time.Duration;

/**
 * What one submission may use.
 *
 * @param time      wall clock for the whole submission
 * @param memoryMb  heap of each of the submission's JVMs, and of its compiler
 * @param outputKib captured output per check before it is cut
 * @param compile   wall clock for compiling it, within {@code time}
 */
public record Limits(Duration time, int memoryMb, int outputKib, Duration compile) {
    /** Compiling a lab's submission takes a second; a source written to stall javac is stopped at this. */
    static final int COMPILE_SECONDS = 30;

    public int outputBytes() {
        return outputKib * 1024;
    }
}

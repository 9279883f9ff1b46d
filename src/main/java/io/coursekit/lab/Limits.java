package io.coursekit.lab;

import java.time.Duration;

/**
 * What one submission may use.
 *
 * @param time      wall clock for the whole submission
 * @param memoryMb  heap of the check JVM
 * @param outputKib captured output per check before it is cut
 */
public record Limits(Duration time, int memoryMb, int outputKib) {

    public int outputBytes() {
        return outputKib * 1024;
    }
}

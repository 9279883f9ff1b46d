package io.coursekit.site;

import java.util.List;
import java.util.Optional;

/** A week folder ({@code week_NN}) with an optional README of its own and its days in order. */
public record Week(String folder, int number, String title, Optional<Page> overview, List<Day> days) {
}

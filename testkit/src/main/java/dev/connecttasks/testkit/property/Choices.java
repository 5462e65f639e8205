package dev.connecttasks.testkit.property;

import java.util.AbstractList;
import java.util.List;

/**
 * A recorded choice sequence and the spans of it that generators marked as whole units (a list
 * element, a map entry): the shrinker deletes a span in one edit, however many choices it holds.
 * Compares as the plain list of its choices.
 */
final class Choices extends AbstractList<Choice> {

    /** Choices {@code from} (inclusive) to {@code to} (exclusive). */
    record Span(int from, int to) {
        int length() {
            return to - from;
        }
    }

    private final List<Choice> choices;
    private final List<Span> spans;

    Choices(List<Choice> choices, List<Span> spans) {
        this.choices = List.copyOf(choices);
        this.spans = List.copyOf(spans);
    }

    /** The spans of {@code choices}, or none when it is a plain list. */
    static List<Span> spansOf(List<Choice> choices) {
        return choices instanceof Choices recorded ? recorded.spans : List.of();
    }

    @Override
    public Choice get(int index) {
        return choices.get(index);
    }

    @Override
    public int size() {
        return choices.size();
    }
}

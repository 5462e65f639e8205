package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.List;

/** Records every choice it hands out, so that any run can be replayed or shrunk afterwards. */
abstract class RecordingSource implements Source {

    static final int MAX_CHOICES = 1 << 20;

    private final List<Choice> recorded = new ArrayList<>();
    private final List<Choices.Span> spans = new ArrayList<>();

    @Override
    public final long draw(long max) {
        return record(next(checked(max), true), max);
    }

    @Override
    public final long drawUniform(long max) {
        return record(next(checked(max), false), max);
    }

    @Override
    public final long drawPreferring(long max, long preferred) {
        checked(max);
        if (preferred < 0 || preferred > max) {
            throw new IllegalArgumentException("preferred " + preferred + " outside [0, " + max + "]");
        }
        return record(isReplay() ? next(max, false) : preferred, max);
    }

    abstract boolean isReplay();

    /** The choices made so far, in order, with the spans generators marked deletable. */
    final List<Choice> recorded() {
        return new Choices(recorded, spans);
    }

    @Override
    public final int position() {
        return recorded.size();
    }

    @Override
    public final void deletable(int from) {
        if (from >= 0 && from < recorded.size()) {
            spans.add(new Choices.Span(from, recorded.size()));
        }
    }

    abstract long next(long max, boolean biased);

    private long checked(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        if (recorded.size() >= MAX_CHOICES) {
            throw new Overrun(MAX_CHOICES);
        }
        return max;
    }

    private long record(long value, long max) {
        recorded.add(new Choice(value, max));
        return value;
    }
}

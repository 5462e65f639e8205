package dev.connecttasks.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock and can be moved forward, never back: what a server's
 * test controls set. It reads the system clock plus an offset that {@link #set} and {@link #advance}
 * change, and never answers an instant earlier than one it answered before (a system clock stepped
 * back holds it still until the system clock catches up).
 */
public final class ForwardClock extends Clock {

    private final Clock system;
    private final AtomicReference<State> state;

    private record State(Duration offset, Instant lastRead) {
    }

    /** A clock that runs with {@code system} (the application reads no clock of its own: the adapter hands it the system's). */
    public ForwardClock(Clock system) {
        this.system = Objects.requireNonNull(system, "system");
        this.state = new AtomicReference<>(new State(Duration.ZERO, Instant.MIN));
    }

    @Override
    public Instant instant() {
        Instant now = system.instant();
        return state.updateAndGet(s -> new State(s.offset(), latest(s.lastRead(), now.plus(s.offset())))).lastRead();
    }

    /** Moves the clock to {@code to}, which must not be before now; answers the new now. */
    public Instant set(Instant to) {
        Objects.requireNonNull(to, "to");
        return move(current -> {
            if (to.isBefore(current)) {
                throw new IllegalArgumentException("the clock moves forward only: " + to + " is before now, " + current);
            }
            return to;
        });
    }

    /** Moves the clock forward by {@code by}, which must not be negative; answers the new now. */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only, not by " + by);
        }
        return move(current -> current.plus(by));
    }

    /** Sets the clock to what {@code to} makes of its current reading, atomically; answers the new now. */
    private Instant move(java.util.function.UnaryOperator<Instant> to) {
        Instant now = system.instant();
        return state.updateAndGet(s -> {
            Instant next = to.apply(latest(s.lastRead(), now.plus(s.offset())));
            return new State(Duration.between(now, next), next);
        }).lastRead();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ForwardClock reads UTC only; its instants are the same in every zone");
    }
}

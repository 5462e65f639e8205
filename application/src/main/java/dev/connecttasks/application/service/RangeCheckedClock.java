package dev.connecttasks.application.service;

import dev.connecttasks.domain.policy.InstantRange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The injected clock, read only inside the range every store can keep ({@link InstantRange}): a call outside it is refused. */
final class RangeCheckedClock extends Clock {

    private final Clock clock;
    private final InstantRange range;

    RangeCheckedClock(Clock clock, InstantRange range) {
        this.clock = clock;
        this.range = range;
    }

    @Override
    public Instant instant() {
        return range.checked(clock.instant());
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new RangeCheckedClock(clock.withZone(zone), range);
    }
}

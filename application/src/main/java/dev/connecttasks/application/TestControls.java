package dev.connecttasks.application;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.in.ContactsReset;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.request.RecordContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a test in another language needs of a running service, as Java tests get it from a
 * {@code MutableClock} and a fresh service: reset its contacts, read and move its clock (forward
 * only), and seed a contact that came in, which no API call creates. The service must have been
 * built on {@link #clock()}, so that every rule that reads time reads it. For tests only: anyone who
 * can call these moves time and erases contacts for every caller.
 */
public final class TestControls {

    private final ConnectTasksService service;
    private final ContactsReset reset;
    private final ForwardClock clock;

    private TestControls(ConnectTasksService service, ContactsReset reset, ForwardClock clock) {
        this.service = service;
        this.reset = reset;
        this.clock = clock;
    }

    /** The controls of {@code service}, which was built with {@code .clock(clock)}: a service the library built (its factories, {@link ServiceBuilder}). */
    public static TestControls over(ConnectTasksService service, ForwardClock clock) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clock, "clock");
        if (!(service instanceof ContactsReset reset)) {
            throw new IllegalArgumentException("the service cannot reset its contacts: build it with the library's factories or ServiceBuilder");
        }
        return new TestControls(service, reset, clock);
    }

    public ForwardClock clock() {
        return clock;
    }

    /** Every instance's contacts, or one instance's, removed; instances and their set-up stay. */
    public void reset(Optional<String> instanceId) {
        reset.resetContacts(instanceId);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Moves the clock to {@code to}; refused with InvalidParameterException INVALID_VALUE naming {@code member} when that is before now. */
    public Instant setNow(Instant to, String member) {
        try {
            return clock.set(to);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, member + ": " + e.getMessage());
        }
    }

    /** Moves the clock forward; refused with InvalidParameterException INVALID_VALUE naming {@code member} when {@code by} is negative. */
    public Instant advance(Duration by, String member) {
        try {
            return clock.advance(by);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, member + ": " + e.getMessage());
        }
    }

    /**
     * An INBOUND contact of {@code channel} (VOICE, CHAT or EMAIL) with its attributes, as if it had
     * come in now: what a task can then link to. Refused as RecordContact refuses.
     */
    public String startInboundContact(Optional<String> instanceId, Optional<String> channel, Map<String, String> attributes) {
        return service.recordContact(RecordContactRequest.builder().instanceId(instanceId.orElse(null)).channel(channel.orElse(null))
                .initiationMethod("INBOUND").attributes(attributes).build());
    }
}

package dev.connecttasks.domain.policy;

import java.time.Duration;

/**
 * Every limit of behaviour.md section 2 in one immutable value; {@link #defaults()} are the published
 * AWS defaults. Change one with the {@code with...} methods.
 */
public record TaskPolicy(
        int linkedTasksPerContact,
        int openTasksPerInstance,
        int attributeBytesPerScope,
        Duration scheduleWindow,
        Duration taskExpiry,
        Duration clientTokenLifetime,
        int reschedulesPerTask,
        RatePolicy startTaskRate,
        RatePolicy contactOperationRate,
        boolean throttlingEnabled,
        LinkedTaskCounting linkedTaskCounting) {

    public static final Duration MIN_EXPIRY_OVERRIDE = Duration.ofMinutes(1);
    public static final Duration MAX_EXPIRY_OVERRIDE = Duration.ofDays(90);

    public TaskPolicy {
        positive(linkedTasksPerContact, "linkedTasksPerContact");
        positive(openTasksPerInstance, "openTasksPerInstance");
        positive(attributeBytesPerScope, "attributeBytesPerScope");
        positive(scheduleWindow, "scheduleWindow");
        positive(taskExpiry, "taskExpiry");
        positive(clientTokenLifetime, "clientTokenLifetime");
        if (reschedulesPerTask < 0) {
            throw new IllegalArgumentException("reschedulesPerTask must be >= 0, was " + reschedulesPerTask);
        }
        if (linkedTaskCounting == null) {
            throw new IllegalArgumentException("linkedTaskCounting must be given");
        }
        if (startTaskRate == null || contactOperationRate == null) {
            throw new IllegalArgumentException("rates must be given");
        }
    }

    public static TaskPolicy defaults() {
        return new TaskPolicy(12, 2_500, 32_768, Duration.ofDays(6), Duration.ofDays(7), Duration.ofDays(7), 20,
                new RatePolicy(2, 5), new RatePolicy(10, 15), true, LinkedTaskCounting.PER_PREVIOUS_CONTACT);
    }

    public TaskPolicy withLinkedTasksPerContact(int value) {
        return new TaskPolicy(value, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withOpenTasksPerInstance(int value) {
        return new TaskPolicy(linkedTasksPerContact, value, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withScheduleWindow(Duration value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, value, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withTaskExpiry(Duration value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, value,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withClientTokenLifetime(Duration value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                value, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withReschedulesPerTask(int value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, value, startTaskRate, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withStartTaskRate(RatePolicy value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, value, contactOperationRate, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withContactOperationRate(RatePolicy value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, value, throttlingEnabled, linkedTaskCounting);
    }

    public TaskPolicy withThrottling(boolean enabled) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, enabled, linkedTaskCounting);
    }

    /** Which reading of the link limit {@link #linkedTasksPerContact} counts by. */
    public TaskPolicy withLinkedTaskCounting(LinkedTaskCounting value) {
        return new TaskPolicy(linkedTasksPerContact, openTasksPerInstance, attributeBytesPerScope, scheduleWindow, taskExpiry,
                clientTokenLifetime, reschedulesPerTask, startTaskRate, contactOperationRate, throttlingEnabled, value);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}

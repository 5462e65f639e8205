package dev.connecttasks.domain.contact;

import dev.connecttasks.domain.flow.ResolvedFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact as stored. Task contacts carry a flow, an expiry duration and maybe a schedule;
 * contacts of other channels are recorded so tasks can link to them, and stay open until stopped.
 * State is a function of time: an open task whose expiry instant has passed reads as ended.
 */
public record Contact(
        String instanceId,
        String contactId,
        Channel channel,
        InitiationMethod initiationMethod,
        String name,
        Optional<String> description,
        Map<String, Reference> references,
        Optional<ResolvedFlow> flow,
        Optional<String> previousContactId,
        Optional<String> relatedContactId,
        String initialContactId,
        Instant initiationTimestamp,
        Optional<Instant> scheduledTime,
        Optional<Duration> expiryDuration,
        Optional<Instant> stoppedAt,
        Optional<String> clientToken,
        int rescheduleCount,
        Map<String, SegmentAttributeValue> segmentAttributes,
        int templateChanges) {

    public Contact {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(initiationMethod);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        references = Map.copyOf(references);
        Objects.requireNonNull(flow);
        Objects.requireNonNull(previousContactId);
        Objects.requireNonNull(relatedContactId);
        Objects.requireNonNull(initialContactId);
        Objects.requireNonNull(initiationTimestamp);
        Objects.requireNonNull(scheduledTime);
        Objects.requireNonNull(expiryDuration);
        Objects.requireNonNull(stoppedAt);
        Objects.requireNonNull(clientToken);
        segmentAttributes = Map.copyOf(segmentAttributes);
        if ((channel == Channel.TASK) != (flow.isPresent() && expiryDuration.isPresent())) {
            throw new IllegalArgumentException("exactly task contacts have a resolved flow and an expiry duration");
        }
    }

    /** A contact whose template was never changed by UpdateContactTaskTemplate. */
    public Contact(String instanceId, String contactId, Channel channel, InitiationMethod initiationMethod, String name,
                   Optional<String> description, Map<String, Reference> references, Optional<ResolvedFlow> flow,
                   Optional<String> previousContactId, Optional<String> relatedContactId, String initialContactId,
                   Instant initiationTimestamp, Optional<Instant> scheduledTime, Optional<Duration> expiryDuration,
                   Optional<Instant> stoppedAt, Optional<String> clientToken, int rescheduleCount,
                   Map<String, SegmentAttributeValue> segmentAttributes) {
        this(instanceId, contactId, channel, initiationMethod, name, description, references, flow, previousContactId, relatedContactId,
                initialContactId, initiationTimestamp, scheduledTime, expiryDuration, stoppedAt, clientToken, rescheduleCount,
                segmentAttributes, 0);
    }

    /** A contact of another channel, recorded so that tasks can link to it. */
    public static Contact recorded(String instanceId, String contactId, Channel channel, InitiationMethod method, Instant at) {
        if (channel == Channel.TASK) {
            throw new IllegalArgumentException("tasks are created by StartTaskContact, not recorded");
        }
        return new Contact(instanceId, contactId, channel, method, "", Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), contactId, at, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Map.of());
    }

    public boolean isTask() {
        return channel == Channel.TASK;
    }

    /** Tasks expire a fixed duration after the later of initiation and schedule; other channels never do. */
    public Optional<Instant> expiresAt() {
        return expiryDuration.map(expiryStart()::plus);
    }

    /** Where a task's expiry duration is counted from: the later of initiation and schedule. */
    public Instant expiryStart() {
        return scheduledTime.filter(s -> s.isAfter(initiationTimestamp)).orElse(initiationTimestamp);
    }

    public boolean isOpen(Instant now) {
        return stoppedAt.isEmpty() && expiresAt().map(now::isBefore).orElse(true);
    }

    public ContactState state(Instant now) {
        return isOpen(now) ? ContactState.OPEN : ContactState.ENDED;
    }

    public Optional<DisconnectReason> disconnectReason(Instant now) {
        if (stoppedAt.isPresent()) {
            return Optional.of(DisconnectReason.API);
        }
        return isOpen(now) ? Optional.empty() : Optional.of(DisconnectReason.EXPIRED);
    }

    public Optional<Instant> disconnectTimestamp(Instant now) {
        if (stoppedAt.isPresent()) {
            return stoppedAt;
        }
        return isOpen(now) ? Optional.empty() : expiresAt();
    }

    /** A task still waiting for its scheduled time. */
    public boolean isScheduledAfter(Instant now) {
        return isTask() && isOpen(now) && scheduledTime.map(now::isBefore).orElse(false);
    }

    public Contact stopped(Instant now) {
        return copyWith(scheduledTime, Optional.of(now), rescheduleCount);
    }

    public Contact rescheduled(Instant newTime) {
        return copyWith(Optional.of(newTime), stoppedAt, rescheduleCount + 1);
    }

    /** UpdateContact's change: what an application may edit after creation, and a task's expiry duration. */
    public Contact updated(String newName, Optional<String> newDescription, Map<String, Reference> newReferences,
                           Map<String, SegmentAttributeValue> newSegmentAttributes, Optional<Duration> newExpiryDuration) {
        return new Contact(instanceId, contactId, channel, initiationMethod, newName, newDescription, newReferences, flow,
                previousContactId, relatedContactId, initialContactId, initiationTimestamp, scheduledTime, newExpiryDuration,
                stoppedAt, clientToken, rescheduleCount, newSegmentAttributes, templateChanges);
    }

    /** UpdateContactTaskTemplate's change: the task now names {@code newTemplate}; the flow it runs stays. */
    public Contact withTemplate(ResolvedFlow newTemplate) {
        return new Contact(instanceId, contactId, channel, initiationMethod, name, description, references, Optional.of(newTemplate),
                previousContactId, relatedContactId, initialContactId, initiationTimestamp, scheduledTime, expiryDuration,
                stoppedAt, clientToken, rescheduleCount, segmentAttributes, templateChanges + 1);
    }

    /** The fields a stop and a reschedule change. */
    private Contact copyWith(Optional<Instant> newScheduledTime, Optional<Instant> newStoppedAt, int newRescheduleCount) {
        return new Contact(instanceId, contactId, channel, initiationMethod, name, description, references, flow,
                previousContactId, relatedContactId, initialContactId, initiationTimestamp, newScheduledTime, expiryDuration,
                newStoppedAt, clientToken, newRescheduleCount, segmentAttributes, templateChanges);
    }
}

package dev.connecttasks.domain.contact;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** SegmentAttributeValue of the API model, with the members this library reads: a request's, and then the task's. */
public record SegmentAttributeValue(Optional<String> valueString, Optional<Integer> valueInteger, Map<String, SegmentAttributeValue> valueMap) {

    /** The system key of a task's expiry, and the member of its ValueMap that holds the minutes. */
    public static final String CONTACT_EXPIRY = "connect:ContactExpiry";
    public static final String EXPIRY_DURATION = "ExpiryDuration";
    /** The system key of the agent who created a task. */
    public static final String CREATED_BY_USER = "connect:CreatedByUser";

    public SegmentAttributeValue {
        Objects.requireNonNull(valueString);
        Objects.requireNonNull(valueInteger);
        valueMap = Map.copyOf(valueMap);
    }

    public static SegmentAttributeValue ofInteger(int value) {
        return new SegmentAttributeValue(Optional.empty(), Optional.of(value), Map.of());
    }

    public static SegmentAttributeValue ofString(String value) {
        return new SegmentAttributeValue(Optional.of(value), Optional.empty(), Map.of());
    }

    public static SegmentAttributeValue ofMap(Map<String, SegmentAttributeValue> value) {
        return new SegmentAttributeValue(Optional.empty(), Optional.empty(), value);
    }

    /** {@code "connect:ContactExpiry": {"ValueMap": {"ExpiryDuration": {"ValueInteger": minutes}}}}. */
    public static Map<String, SegmentAttributeValue> contactExpiryMinutes(int minutes) {
        return Map.of(CONTACT_EXPIRY, ofMap(Map.of(EXPIRY_DURATION, ofInteger(minutes))));
    }
}

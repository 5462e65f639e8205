package dev.connecttasks.domain.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** SegmentAttributeValue of the API model, with the members this library reads. */
public record SegmentAttributeValue(Optional<String> valueString, Optional<Integer> valueInteger, Map<String, SegmentAttributeValue> valueMap) {
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
        return Map.of(StartTaskContactRequest.CONTACT_EXPIRY, ofMap(Map.of(StartTaskContactRequest.EXPIRY_DURATION, ofInteger(minutes))));
    }
}

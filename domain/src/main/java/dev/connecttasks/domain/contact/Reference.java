package dev.connecttasks.domain.contact;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference as the request carries it: type and value may be missing or the type unknown, which
 * the member rules refuse; a stored task only holds references that passed them.
 */
public record Reference(Optional<String> type, Optional<String> value) {

    public Reference {
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
    }

    public static Reference of(ReferenceType type, String value) {
        return new Reference(Optional.of(type.name()), Optional.of(value));
    }

    public static Reference of(String type, String value) {
        return new Reference(Optional.ofNullable(type), Optional.ofNullable(value));
    }

    /** Only meaningful after the member rules accepted this reference. */
    public ReferenceType referenceType() {
        return ReferenceType.valueOf(type.orElseThrow());
    }

    public String valueOrEmpty() {
        return value.orElse("");
    }
}

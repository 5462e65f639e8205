package dev.connecttasks.domain.template;

import dev.connecttasks.domain.contact.ReferenceType;
import java.util.Optional;

/** Task template field types and the reference type each maps to (behaviour.md section 6). */
public enum FieldType {
    NAME(null), DESCRIPTION(null), SCHEDULED_TIME(null),
    TEXT(ReferenceType.STRING), TEXT_AREA(ReferenceType.STRING), BOOLEAN(ReferenceType.STRING),
    SINGLE_SELECT(ReferenceType.STRING), NUMBER(ReferenceType.NUMBER), DATE_TIME(ReferenceType.DATE),
    URL(ReferenceType.URL), EMAIL(ReferenceType.EMAIL);

    private final ReferenceType referenceType;

    FieldType(ReferenceType referenceType) {
        this.referenceType = referenceType;
    }

    /** Empty for the fields that map to request members rather than to references. */
    public Optional<ReferenceType> referenceType() {
        return Optional.ofNullable(referenceType);
    }
}

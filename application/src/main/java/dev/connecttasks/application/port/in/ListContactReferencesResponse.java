package dev.connecttasks.application.port.in;

import java.util.List;
import java.util.Objects;

/** ListContactReferences' answer: the contact's references of the asked types, by name; one page holds them all. */
public record ListContactReferencesResponse(List<Listed> references) {

    public ListContactReferencesResponse {
        references = List.copyOf(references);
    }

    /** One reference: its name, its type (one of the API model's ReferenceType) and its value. */
    public record Listed(String name, String type, String value) {
        public Listed {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            Objects.requireNonNull(value);
        }
    }
}

package dev.connecttasks.domain.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One field of a task template; {@code options} are the choices of a SINGLE_SELECT field. */
public record TemplateField(String name, FieldType type, List<String> options, Optional<String> description) {
    public TemplateField {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        options = List.copyOf(options);
        Objects.requireNonNull(description);
    }

    /** A field without a description. */
    public TemplateField(String name, FieldType type, List<String> options) {
        this(name, type, options, Optional.empty());
    }

    public static TemplateField of(String name, FieldType type) {
        return new TemplateField(name, type, List.of());
    }
}

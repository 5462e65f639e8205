package dev.connecttasks.domain.template;

import java.util.List;
import java.util.Objects;

/** One field of a task template; {@code options} are the choices of a SINGLE_SELECT field. */
public record TemplateField(String name, FieldType type, List<String> options) {
    public TemplateField {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        options = List.copyOf(options);
    }

    public static TemplateField of(String name, FieldType type) {
        return new TemplateField(name, type, List.of());
    }
}

package dev.connecttasks.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON text of columns holding maps and lists. JSON escapes every control character, so any
 * string the service accepts round-trips exactly in all three databases.
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    /** Bound to the type once: every start writes a scope's attributes, and a bound writer skips finding the serializer each time. */
    private static final ObjectWriter ATTRIBUTES_WRITER = JSON.writerFor(STRING_MAP);

    private JsonColumns() {
    }

    static String attributes(Map<String, String> attributes) {
        return write(ATTRIBUTES_WRITER, attributes);
    }

    static Map<String, String> attributes(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, STRING_MAP));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String references(Map<String, Reference> references) {
        if (references.isEmpty()) {
            // Most tasks have none; this skips a tree and a generator on every such start.
            return "{}";
        }
        ObjectNode node = JSON.createObjectNode();
        references.forEach((name, reference) -> {
            ObjectNode value = node.putObject(name);
            reference.type().ifPresent(t -> value.put("Type", t));
            reference.value().ifPresent(v -> value.put("Value", v));
        });
        return write(node);
    }

    static Map<String, Reference> references(String json) {
        Map<String, Reference> references = new LinkedHashMap<>();
        read(json).fields().forEachRemaining(e -> references.put(e.getKey(),
                new Reference(text(e.getValue(), "Type"), text(e.getValue(), "Value"))));
        return references;
    }

    /** SegmentAttributes as the API model writes them; NULL (empty) when the contact has none. */
    static Optional<String> segmentAttributes(Map<String, SegmentAttributeValue> segments) {
        return segments.isEmpty() ? Optional.empty() : Optional.of(write(segmentNode(segments)));
    }

    private static ObjectNode segmentNode(Map<String, SegmentAttributeValue> segments) {
        ObjectNode node = JSON.createObjectNode();
        segments.forEach((key, value) -> {
            ObjectNode entry = node.putObject(key);
            value.valueString().ifPresent(v -> entry.put("ValueString", v));
            value.valueInteger().ifPresent(v -> entry.put("ValueInteger", v));
            if (!value.valueMap().isEmpty()) {
                entry.set("ValueMap", segmentNode(value.valueMap()));
            }
        });
        return node;
    }

    static Map<String, SegmentAttributeValue> segmentAttributes(String json) {
        return segments(read(json));
    }

    private static Map<String, SegmentAttributeValue> segments(JsonNode node) {
        Map<String, SegmentAttributeValue> segments = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            Optional<Integer> integer = value.has("ValueInteger") ? Optional.of(value.get("ValueInteger").intValue()) : Optional.empty();
            segments.put(e.getKey(), new SegmentAttributeValue(text(value, "ValueString"), integer,
                    value.has("ValueMap") ? segments(value.get("ValueMap")) : Map.of()));
        });
        return segments;
    }

    static String fields(List<TemplateField> fields) {
        ArrayNode array = JSON.createArrayNode();
        for (TemplateField field : fields) {
            ObjectNode node = array.addObject().put("Name", field.name()).put("Type", field.type().name());
            ArrayNode options = node.putArray("Options");
            field.options().forEach(options::add);
            field.description().ifPresent(d -> node.put("Description", d));
        }
        return write(array);
    }

    static List<TemplateField> fields(String json) {
        List<TemplateField> fields = new ArrayList<>();
        for (JsonNode node : read(json)) {
            List<String> options = new ArrayList<>();
            node.get("Options").forEach(o -> options.add(o.asText()));
            fields.add(new TemplateField(node.get("Name").asText(), FieldType.valueOf(node.get("Type").asText()), options,
                    text(node, "Description")));
        }
        return fields;
    }

    static String constraints(TemplateConstraints constraints) {
        ObjectNode node = JSON.createObjectNode();
        constraints.requiredFields().forEach(node.putArray("Required")::add);
        constraints.readOnlyFields().forEach(node.putArray("ReadOnly")::add);
        constraints.invisibleFields().forEach(node.putArray("Invisible")::add);
        return write(node);
    }

    static TemplateConstraints constraints(String json) {
        JsonNode node = read(json);
        return new TemplateConstraints(names(node, "Required"), names(node, "ReadOnly"), names(node, "Invisible"));
    }

    private static Set<String> names(JsonNode node, String member) {
        Set<String> names = new LinkedHashSet<>();
        if (node.has(member)) {
            node.get(member).forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static Optional<String> text(JsonNode node, String member) {
        return node.has(member) ? Optional.of(node.get(member).asText()) : Optional.empty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        return write(JSON.writer(), value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

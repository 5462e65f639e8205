package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the members of a request body by their wire names and wire types. A member of the wrong
 * JSON type is refused with a message that names it; an absent or null member reads as null, which
 * the service's own rules then judge (required members, lengths, formats).
 */
public final class HttpMembers {

    private final ObjectNode body;

    HttpMembers(ObjectNode body) {
        this.body = body;
    }

    public String string(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw MalformedRequest.serialization(member + " must be a string, not " + kind(value));
        }
        return value.textValue();
    }

    public Integer integer(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw MalformedRequest.serialization(member + " must be an integer, not " + kind(value));
        }
        return value.intValue();
    }

    /** A timestamp: epoch seconds as a JSON number, as the AWS SDK sends it. */
    public Instant timestamp(String member) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw MalformedRequest.serialization(member + " must be a timestamp in epoch seconds (a number), not " + kind(value));
        }
        try {
            BigDecimal seconds = value.decimalValue();
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).intValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            // NumberFormatException: a number beyond a double's range (1e400) reads as infinite, which has no decimal value
            throw MalformedRequest.serialization(member + " is out of the range of timestamps: " + value);
        }
    }

    public Map<String, String> stringMap(String member) {
        return map(member, (key, value) -> {
            if (!value.isTextual()) {
                throw MalformedRequest.serialization(member + "." + key + " must be a string, not " + kind(value));
            }
            return value.textValue();
        });
    }

    /** A map of structures, each read by {@code entry} from its own members. */
    <T> Map<String, T> structureMap(String member, BiFunction<String, HttpMembers, T> entry) {
        return map(member, (key, value) -> entry.apply(member + "." + key, structure(member + "." + key, value)));
    }

    /** A list of structures; null when absent. */
    List<HttpMembers> structureList(String member) {
        return list(member, (element, value) -> structure(element, value));
    }

    /** A list of strings; null when absent. */
    List<String> stringList(String member) {
        return list(member, (element, value) -> {
            if (!value.isTextual()) {
                throw MalformedRequest.serialization(element + " must be a string, not " + kind(value));
            }
            return value.textValue();
        });
    }

    private <T> List<T> list(String member, BiFunction<String, JsonNode, T> element) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw MalformedRequest.serialization(member + " must be a list, not " + kind(value));
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(element.apply(member + "[" + i + "]", value.get(i)));
        }
        return result;
    }

    HttpMembers structure(String member) {
        JsonNode value = present(member);
        return value == null ? null : structure(member, value);
    }

    private static HttpMembers structure(String member, JsonNode value) {
        if (!value.isObject()) {
            throw MalformedRequest.serialization(member + " must be an object, not " + kind(value));
        }
        return new HttpMembers((ObjectNode) value);
    }

    private <T> Map<String, T> map(String member, BiFunction<String, JsonNode, T> entry) {
        JsonNode value = present(member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw MalformedRequest.serialization(member + " must be an object (a map), not " + kind(value));
        }
        Map<String, T> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            result.put(field.getKey(), entry.apply(field.getKey(), field.getValue()));
        }
        return result;
    }

    /** Whether the member is given (JSON null is not). */
    boolean has(String member) {
        return present(member) != null;
    }

    /**
     * Refuses members of the API model that connect-tasks cannot honour (they route voice and chat
     * contacts through queues, agents and endpoints it does not have), rather than drop them.
     */
    void refuseUnsupported(String operation, String... members) {
        for (String member : members) {
            if (has(member)) {
                throw new dev.connecttasks.domain.error.InvalidRequestException(dev.connecttasks.domain.error.Reason.MEMBER_NOT_SUPPORTED,
                        operation + " " + member + " is not supported: connect-tasks has no queues, agents or endpoints to apply it to");
            }
        }
    }

    /** Refuses a member outside {@code known}: for bodies of this server's own operations, where a misspelt member would be dropped. */
    void onlyMembers(String operation, java.util.Set<String> known) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw MalformedRequest.serialization(operation + " has no member " + name + "; its members are " + new java.util.TreeSet<>(known));
            }
        }
    }

    private JsonNode present(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}

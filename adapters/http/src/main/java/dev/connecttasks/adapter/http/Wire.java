package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.rules.ResourceArns;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Response bodies: JSON objects with the service's member names, timestamps in epoch seconds. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The region and account every ARN names: the local server has no AWS account. */
    static final String ARN_PREFIX = ResourceArns.INSTANCE_ARN_PREFIX;

    private Wire() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void put(ObjectNode node, String member, Optional<?> value) {
        value.ifPresent(v -> {
            if (v instanceof Instant instant) {
                putTimestamp(node, member, instant);
            } else {
                node.put(member, v.toString());
            }
        });
    }

    /** Epoch seconds with milliseconds, as the service answers; the instant below the millisecond is cut off, never rounded up. */
    static void putTimestamp(ObjectNode node, String member, Instant instant) {
        node.put(member, BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1_000_000, 3)).stripTrailingZeros());
    }

    static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode node = object();
        values.forEach(node::put);
        return node;
    }

    static String instanceArn(String instanceId) {
        return ARN_PREFIX + instanceId;
    }

    static String arn(String instanceId, String kind, String id) {
        return ARN_PREFIX + instanceId + "/" + kind + "/" + id;
    }
}

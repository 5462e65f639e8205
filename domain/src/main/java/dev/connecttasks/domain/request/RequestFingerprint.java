package dev.connecttasks.domain.request;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A canonical text of a StartTaskContact request without its ClientToken: equal exactly when the
 * requests are equal member by member (maps as maps). Being text, a database can store and
 * compare it. Every string is length-prefixed, so no value can imitate the structure.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(StartTaskContactRequest request) {
        StringBuilder out = new StringBuilder(64);
        optional(out, request.instanceId());
        optional(out, request.name());
        optional(out, request.description());
        optional(out, request.previousContactId());
        optional(out, request.relatedContactId());
        optional(out, request.contactFlowId());
        optional(out, request.quickConnectId());
        optional(out, request.taskTemplateId());
        out.append('{');
        new TreeMap<>(request.attributes()).forEach((k, v) -> string(string(out, k), v));
        out.append("}{");
        new TreeMap<>(request.references()).forEach((k, v) -> reference(string(out, k), v));
        out.append('}');
        optional(out, request.scheduledTime().map(t -> t.getEpochSecond() + "." + t.getNano()));
        segments(out, request.segmentAttributes());
        return out.toString();
    }

    /** StartOutboundVoiceContact's request without its ClientToken; marked, so it never equals a task's. */
    public static String of(StartOutboundVoiceContactRequest request) {
        StringBuilder out = new StringBuilder(64).append("voice:");
        optional(out, request.instanceId());
        optional(out, request.contactFlowId());
        optional(out, request.destinationPhoneNumber());
        optional(out, request.sourcePhoneNumber());
        optional(out, request.name());
        optional(out, request.description());
        optional(out, request.relatedContactId());
        optional(out, request.ringTimeoutInSeconds().map(String::valueOf));
        out.append('{');
        new TreeMap<>(request.attributes()).forEach((k, v) -> string(string(out, k), v));
        out.append("}{");
        new TreeMap<>(request.references()).forEach((k, v) -> reference(string(out, k), v));
        out.append('}');
        return out.toString();
    }

    /** TransferContact's request without its ClientToken; marked, so it never equals another operation's. */
    public static String of(TransferContactRequest request) {
        StringBuilder out = new StringBuilder(64).append("transfer:");
        optional(out, request.instanceId());
        optional(out, request.contactId());
        optional(out, request.contactFlowId());
        optional(out, request.queueId());
        optional(out, request.userId());
        return out.toString();
    }

    private static void reference(StringBuilder out, Reference reference) {
        optional(out, reference.type());
        optional(out, reference.value());
    }

    private static void segments(StringBuilder out, Map<String, SegmentAttributeValue> values) {
        out.append('{');
        new TreeMap<>(values).forEach((k, v) -> {
            string(out, k);
            optional(out, v.valueString());
            optional(out, v.valueInteger().map(String::valueOf));
            segments(out, v.valueMap());
        });
        out.append('}');
    }

    private static void optional(StringBuilder out, Optional<String> value) {
        if (value.isPresent()) {
            string(out, value.get());
        } else {
            out.append('-');
        }
    }

    private static StringBuilder string(StringBuilder out, String value) {
        return out.append(value.length()).append(':').append(value);
    }
}

package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.optional;
import static dev.connecttasks.domain.rules.Refusals.optionalText;
import static dev.connecttasks.domain.rules.Refusals.required;
import static dev.connecttasks.domain.rules.Refusals.requiredText;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.ReferenceType;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** behaviour.md 3.1, in the table's order (ScheduledTime waits for step 6). All refusals are InvalidParameterException. */
final class MemberRules {

    static final int MAX_ATTRIBUTE_VALUE = 32_767;
    static final int MAX_REFERENCE_KEY = 4_096;
    static final int MAX_REFERENCE_VALUE = 4_096;

    private MemberRules() {
    }

    static void check(StartTaskContactRequest r, TaskPolicy policy) {
        required(r.instanceId(), "InstanceId", 1, 100);
        requiredText(r.name(), "Name", 0, 1024);
        optionalText(r.description(), "Description", 0, 4096);
        optional(r.previousContactId(), "PreviousContactId", 1, 256);
        optional(r.relatedContactId(), "RelatedContactId", 1, 256);
        optional(r.contactFlowId(), "ContactFlowId", 1, 500);
        optional(r.quickConnectId(), "QuickConnectId", 1, 500);
        optional(r.taskTemplateId(), "TaskTemplateId", 1, 500);
        attributes(r.attributes(), policy, "Attributes");
        references(r.references());
        optionalText(r.clientToken(), "ClientToken", 1, 500);
        segmentAttributes(r.segmentAttributes(), r.instanceId().orElseThrow());
    }

    /** Shared with UpdateContactAttributes: the key alphabet, then the request's own size. */
    static void attributes(Map<String, String> attributes, TaskPolicy policy, String member) {
        // every key before any size, so the reason never depends on the map's iteration order
        for (String key : attributes.keySet()) {
            if (!Attributes.isValidKey(key)) {
                throw new InvalidParameterException(Reason.INVALID_ATTRIBUTE_KEY, member + " key '" + abbreviate(key)
                        + "' must be 1 to 32767 characters of A-Z, a-z, 0-9, '_' and '-'");
            }
        }
        // then every value's characters before any value's length, for the same reason
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String value = member + " value of '" + abbreviate(e.getKey()) + "'";
            Refusals.wellFormed(e.getValue(), value);
            Refusals.noNul(e.getValue(), value);
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            int length = Refusals.characters(e.getValue());
            if (length > MAX_ATTRIBUTE_VALUE) {
                throw new InvalidParameterException(Reason.ATTRIBUTES_TOO_LARGE, member + " value of '" + abbreviate(e.getKey())
                        + "' must be at most " + MAX_ATTRIBUTE_VALUE + " characters (was " + length + ")");
            }
        }
        long size = Attributes.utf8Size(attributes);
        if (size > policy.attributeBytesPerScope()) {
            throw new InvalidParameterException(Reason.ATTRIBUTES_TOO_LARGE, member + " must total at most "
                    + policy.attributeBytesPerScope() + " UTF-8 bytes, keys and values together (was " + size + ")");
        }
    }

    static void references(Map<String, Reference> references) {
        // every key's and value's characters first, so the reason never depends on the map's iteration order
        for (Map.Entry<String, Reference> e : references.entrySet()) {
            Refusals.wellFormed(e.getKey(), "References key");
            Refusals.noNul(e.getKey(), "References key");
            String valueMember = "References['" + abbreviate(e.getKey()) + "'].Value";
            Refusals.wellFormed(e.getValue().valueOrEmpty(), valueMember);
            Refusals.noNul(e.getValue().valueOrEmpty(), valueMember);
        }
        for (Map.Entry<String, Reference> e : references.entrySet()) {
            String key = e.getKey();
            int keyLength = Refusals.characters(key);
            if (keyLength == 0 || keyLength > MAX_REFERENCE_KEY) {
                throw refusal("References key must be 1 to " + MAX_REFERENCE_KEY + " characters (was " + keyLength + ")");
            }
            Reference ref = e.getValue();
            String type = ref.type().orElseThrow(() -> refusal("References['" + abbreviate(key) + "'].Type is required"));
            ReferenceType known = knownType(type).orElseThrow(() -> refusal("References['" + abbreviate(key) + "'].Type must be one of "
                    + java.util.Arrays.toString(ReferenceType.values()) + " at creation (was '" + abbreviate(type) + "')"));
            String value = ref.valueOrEmpty();
            String valueMember = "References['" + abbreviate(key) + "'].Value";
            int valueLength = Refusals.characters(value);
            if (valueLength > MAX_REFERENCE_VALUE) {
                throw refusal(valueMember + " must be at most " + MAX_REFERENCE_VALUE + " characters (was " + valueLength + ")");
            }
            if (!ReferenceFormats.isValid(known, value)) {
                throw refusal("References['" + abbreviate(key) + "'].Value must be a valid " + known + " (was '" + abbreviate(value) + "')");
            }
        }
    }

    /** The system keys the API model documents for tasks: the task's expiry, and the agent who created it. */
    private static void segmentAttributes(Map<String, SegmentAttributeValue> segments, String instanceId) {
        for (Map.Entry<String, SegmentAttributeValue> e : segments.entrySet()) {
            if (e.getKey().equals(StartTaskContactRequest.CONTACT_EXPIRY)) {
                expiryOverride(segments).orElseThrow();
            } else if (e.getKey().equals(StartTaskContactRequest.CREATED_BY_USER)) {
                createdByUser(e.getValue(), instanceId);
            } else {
                throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes key '" + abbreviate(e.getKey())
                        + "' is not supported; the known system keys are " + StartTaskContactRequest.CONTACT_EXPIRY + " and "
                        + StartTaskContactRequest.CREATED_BY_USER);
            }
        }
    }

    /** UpdateContact's SegmentAttributes: of the system keys, only the task's expiry may change after creation. */
    static Optional<Duration> updatableSegmentAttributes(Map<String, SegmentAttributeValue> segments) {
        for (String key : new java.util.TreeSet<>(segments.keySet())) {
            if (!key.equals(StartTaskContactRequest.CONTACT_EXPIRY)) {
                throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes key '" + abbreviate(key)
                        + "' cannot be updated; UpdateContact changes only " + StartTaskContactRequest.CONTACT_EXPIRY);
            }
        }
        return expiryOverride(segments);
    }

    /** {@code connect:CreatedByUser}: a ValueString with the ARN of an agent of the request's instance, and nothing else. */
    private static void createdByUser(SegmentAttributeValue value, String instanceId) {
        String prefix = ResourceArns.INSTANCE_ARN_PREFIX + instanceId + "/agent/";
        String arn = value.valueString().orElse("");
        String user = arn.startsWith(prefix) ? arn.substring(prefix.length()) : "";
        if (value.valueInteger().isPresent() || !value.valueMap().isEmpty() || user.isEmpty() || user.indexOf('/') >= 0) {
            throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes " + StartTaskContactRequest.CREATED_BY_USER
                    + " must be a ValueString holding the ARN of an agent of this instance (" + prefix + "<UserId>)");
        }
        Refusals.text(arn, "SegmentAttributes " + StartTaskContactRequest.CREATED_BY_USER + " ValueString", 1, 1024);
    }

    /** The task's own expiry duration from {@code connect:ContactExpiry}, checked against 1 minute to 90 days. */
    static Optional<Duration> expiryOverride(Map<String, SegmentAttributeValue> segments) {
        SegmentAttributeValue expiry = segments.get(StartTaskContactRequest.CONTACT_EXPIRY);
        if (expiry == null) {
            return Optional.empty();
        }
        SegmentAttributeValue minutes = expiry.valueMap().get(StartTaskContactRequest.EXPIRY_DURATION);
        if (expiry.valueMap().size() != 1 || minutes == null || minutes.valueInteger().isEmpty()) {
            throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes " + StartTaskContactRequest.CONTACT_EXPIRY
                    + " must be a ValueMap holding only ExpiryDuration as a ValueInteger of minutes");
        }
        long value = minutes.valueInteger().get();
        long min = TaskPolicyBounds.MIN_MINUTES;
        long max = TaskPolicyBounds.MAX_MINUTES;
        if (value < min || value > max) {
            throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes " + StartTaskContactRequest.CONTACT_EXPIRY
                    + " ExpiryDuration must be " + min + " to " + max + " minutes (was " + value + ")");
        }
        return Optional.of(Duration.ofMinutes(value));
    }

    private static Optional<ReferenceType> knownType(String type) {
        for (ReferenceType t : ReferenceType.values()) {
            if (t.name().equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static InvalidParameterException refusal(String message) {
        return new InvalidParameterException(Reason.INVALID_REFERENCE, message);
    }

    static String abbreviate(String s) {
        return Refusals.characters(s) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 37)) + "...";
    }

    private static final class TaskPolicyBounds {
        static final long MIN_MINUTES = TaskPolicy.MIN_EXPIRY_OVERRIDE.toMinutes();
        static final long MAX_MINUTES = TaskPolicy.MAX_EXPIRY_OVERRIDE.toMinutes();
    }
}

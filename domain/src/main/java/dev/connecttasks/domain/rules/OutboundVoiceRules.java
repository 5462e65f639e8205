package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * StartOutboundVoiceContact, which records a VOICE contact that tasks link to; no call is placed.
 * Checks in order: 1 the contact operations' rate bucket, 2 the members, 3 the instance
 * ({@link #admit}); then in the instance's transaction ({@link #decide}): 4 the ClientToken (a
 * replay answers the first contact; another request with it is refused), 5 the flow, 6 the related
 * contact, whose scope's attributes the new contact starts from (the request's win).
 */
public final class OutboundVoiceRules {

    /** The API model's PhoneNumber: E.164. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9]\\d{1,14}");

    private final TaskPolicy policy;

    public OutboundVoiceRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** Either the contact to record, with its scope's attributes and token, or the id a replay answers. */
    public sealed interface Decision {
        record Record(Contact contact, Map<String, String> attributes, Optional<ClientTokenRecord> token) implements Decision {
        }

        record Replay(String contactId) implements Decision {
        }
    }

    public void admit(StartOutboundVoiceContactRequest r, AdmissionFacts facts) {
        Admission.rate(facts, "StartOutboundVoiceContact");                                     // 1
        InstanceRules.instanceId(r.instanceId());                                              // 2
        Refusals.required(r.contactFlowId(), "ContactFlowId", 1, 500);
        phoneNumber(r.destinationPhoneNumber().orElseThrow(() -> new InvalidParameterException(Reason.MISSING_PARAMETER,
                "DestinationPhoneNumber is required")), "DestinationPhoneNumber");
        r.sourcePhoneNumber().ifPresent(n -> phoneNumber(n, "SourcePhoneNumber"));
        Refusals.optionalText(r.name(), "Name", 0, 1024);
        Refusals.optionalText(r.description(), "Description", 0, 4096);
        MemberRules.references(r.references());
        Refusals.optional(r.relatedContactId(), "RelatedContactId", 1, 256);
        Refusals.optionalText(r.clientToken(), "ClientToken", 1, 500);
        MemberRules.attributes(r.attributes(), policy, "Attributes");
        r.ringTimeoutInSeconds().filter(s -> s < 15 || s > 60).ifPresent(s -> {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "RingTimeoutInSeconds must be 15 to 60 (was " + s + ")");
        });
        Admission.instance(facts, r.instanceId().orElseThrow());                               // 3
    }

    /** Steps 4-6; {@code newId} is asked for an id only once every check has passed. */
    public Decision decide(StartOutboundVoiceContactRequest r, RecordingFacts facts, Instant now, java.util.function.Supplier<String> newId) {
        String fingerprint = RequestFingerprint.of(withoutClientToken(r));
        Optional<String> replayed = ClientTokenReplay.replayed(r.clientToken(), fingerprint, facts::clientToken, now,    // 4
                policy.clientTokenLifetime(), message -> new InvalidRequestException(Reason.CLIENT_TOKEN_REUSED, message));
        if (replayed.isPresent()) {
            return new Decision.Replay(replayed.get());
        }
        String flowId = r.contactFlowId().orElseThrow();                                       // 5
        facts.flow(flowId).orElseThrow(() -> ContactFlowRules.notFound(flowId));
        Map<String, String> attributes = r.attributes();                                        // 6
        if (r.relatedContactId().isPresent()) {
            String relatedId = r.relatedContactId().get();
            Contact related = facts.contact(relatedId).orElseThrow(() -> new ResourceNotFoundException(Reason.RELATED_CONTACT,
                    "RelatedContactId " + relatedId + " was not found in this instance"));
            attributes = Attributes.merge(facts.scopeAttributes(related.initialContactId()), r.attributes());
        }
        String newContactId = newId.get();
        Contact contact = new Contact(r.instanceId().orElseThrow(), newContactId, Channel.VOICE, InitiationMethod.OUTBOUND,
                r.name().orElse(""), r.description(), r.references(), Optional.empty(), Optional.empty(), r.relatedContactId(), newContactId,
                now, Optional.empty(), Optional.empty(), Optional.empty(), r.clientToken(), 0, Map.of());
        return new Decision.Record(contact, attributes, r.clientToken().map(t -> new ClientTokenRecord(t, fingerprint, newContactId, now)));
    }

    private static void phoneNumber(String number, String member) {
        Refusals.wellFormed(number, member);
        if (!PHONE_NUMBER.matcher(number).matches()) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, member + " must be an E.164 number, + and 2 to 15 digits without a "
                    + "leading 0 (was '" + MemberRules.abbreviate(number) + "')");
        }
    }

    private static StartOutboundVoiceContactRequest withoutClientToken(StartOutboundVoiceContactRequest r) {
        return new StartOutboundVoiceContactRequest(r.instanceId(), r.contactFlowId(), r.destinationPhoneNumber(), r.sourcePhoneNumber(),
                r.name(), r.description(), r.references(), r.relatedContactId(), Optional.empty(), r.attributes(), r.ringTimeoutInSeconds());
    }
}

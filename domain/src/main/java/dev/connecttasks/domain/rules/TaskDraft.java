package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.flow.ResolvedFlow;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A task every rule accepted, waiting only for its ContactId. {@code chainScope} is the scope it
 * joins through PreviousContactId; without one the task gets a scope of its own, keyed by its id.
 */
public record TaskDraft(StartTaskContactRequest request, String name, Optional<String> description, Map<String, Reference> references,
                        ResolvedFlow flow, Optional<String> chainScope, Map<String, String> scopeAttributes,
                        Duration expiryDuration, Instant now) {

    public NewTask withContactId(String contactId) {
        String initialContactId = chainScope.orElse(contactId);
        Contact task = new Contact(request.instanceId().orElseThrow(), contactId, Channel.TASK, InitiationMethod.API,
                name, description, references, Optional.of(flow), request.previousContactId(),
                request.relatedContactId(), initialContactId, now, request.scheduledTime(), Optional.of(expiryDuration),
                Optional.empty(), request.clientToken(), 0, request.segmentAttributes());
        Optional<ClientTokenRecord> token = request.clientToken()
                .map(t -> new ClientTokenRecord(t, RequestFingerprint.of(request.withoutClientToken()), contactId, now));
        return new NewTask(task, initialContactId, scopeAttributes, token);
    }

    /** What creation writes: the task, its scope's attributes after the merge, and the token to remember. */
    public record NewTask(Contact contact, String scopeId, Map<String, String> scopeAttributes, Optional<ClientTokenRecord> clientToken) {
        public NewTask {
            scopeAttributes = Map.copyOf(scopeAttributes);
        }
    }
}

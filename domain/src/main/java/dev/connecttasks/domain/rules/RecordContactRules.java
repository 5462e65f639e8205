package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.ContactFlowRules.missing;
import static dev.connecttasks.domain.rules.Refusals.enumValue;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.RecordContactRequest;
import java.time.Instant;
import java.util.Map;

/** Recording a contact of another channel (StartChatContact on the wire); the caller checks the instance after the members. */
public final class RecordContactRules {

    private final TaskPolicy policy;

    public RecordContactRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** The members, in order. */
    public Draft check(RecordContactRequest r) {
        String instanceId = InstanceRules.instanceId(r.instanceId());                                                   // 1
        Channel channel = enumValue(r.channel().orElseThrow(() -> missing("Channel")), Channel.class, "Channel");      // 2
        notTask(channel);                                                                                               // 3
        InitiationMethod method = r.initiationMethod().map(m -> enumValue(m, InitiationMethod.class, "InitiationMethod"))
                .orElse(InitiationMethod.INBOUND);                                                                      // 4
        MemberRules.attributes(r.attributes(), policy, "Attributes");                                                   // 5
        return new Draft(instanceId, channel, method, Attributes.merge(Map.of(), r.attributes()));
    }

    private static void notTask(Channel channel) {
        if (channel == Channel.TASK) {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "Channel TASK cannot be recorded: tasks are created by StartTaskContact");
        }
    }

    /** A recorded contact the rules accepted, waiting for its id; it starts its own attribute scope. */
    public record Draft(String instanceId, Channel channel, InitiationMethod method, Map<String, String> attributes) {
        public Draft {
            attributes = Map.copyOf(attributes);
        }

        public Contact withId(String contactId, Instant now) {
            return Contact.recorded(instanceId, contactId, channel, method, now);
        }
    }
}

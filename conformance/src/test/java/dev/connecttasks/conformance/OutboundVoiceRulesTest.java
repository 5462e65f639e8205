package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ThrottlingException;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** StartOutboundVoiceContact's member rules, each at its edge: refused by name and reason, nothing recorded; the edge itself accepted. */
class OutboundVoiceRulesTest {

    private final ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(MutableClock.at("2026-08-01T09:00:00Z"))
            .policy(TaskPolicy.defaults().withThrottling(false)));
    private final String instance = service.createInstance(r -> r.instanceAlias("voice")).instanceId();
    private final String flow = service.createContactFlow(r -> r.instanceId(instance).name("f").type("CONTACT_FLOW")).contactFlowId();

    private StartOutboundVoiceContactRequest call(UnaryOperator<StartOutboundVoiceContactRequest.Builder> change) {
        return change.apply(StartOutboundVoiceContactRequest.builder().instanceId(instance).contactFlowId(flow)
                .destinationPhoneNumber("+441632960000")).build();
    }

    private <E extends ConnectException> void refused(Class<E> type, Reason reason, String member,
                                                      UnaryOperator<StartOutboundVoiceContactRequest.Builder> change) {
        E refusal = catchThrowableOfType(type, () -> service.startOutboundVoiceContact(call(change)));
        assertThat(refusal).as(member).isNotNull();
        assertThat(refusal.reason()).as(member).isEqualTo(reason);
        assertThat(refusal.getMessage()).contains(member);
    }

    @Test
    void eachMemberIsRefusedPastItsEdgeAndTakenAtIt() {
        refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "Name", b -> b.name("n".repeat(1_025)));
        refused(InvalidParameterException.class, Reason.INVALID_CHARACTERS, "Name", b -> b.name("a\u0000b"));
        refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "Description", b -> b.description("d".repeat(4_097)));
        refused(InvalidParameterException.class, Reason.INVALID_REFERENCE, "Doc", b -> b.references(Map.of("Doc", Reference.of("ATTACHMENT", "x"))));
        refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "RelatedContactId", b -> b.relatedContactId("r".repeat(257)));
        refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "ClientToken", b -> b.clientToken("t".repeat(501)));
        refused(InvalidParameterException.class, Reason.INVALID_VALUE, "RingTimeoutInSeconds", b -> b.ringTimeoutInSeconds(14));
        refused(InvalidParameterException.class, Reason.INVALID_VALUE, "RingTimeoutInSeconds", b -> b.ringTimeoutInSeconds(61));
        refused(InvalidParameterException.class, Reason.INVALID_CHARACTERS, "DestinationPhoneNumber", b -> b.destinationPhoneNumber("+44\uD800"));
        refused(InvalidParameterException.class, Reason.INVALID_VALUE, "SourcePhoneNumber", b -> b.sourcePhoneNumber("0044"));
        refused(ResourceNotFoundException.class, Reason.INSTANCE, "no-such-instance", b -> b.instanceId("no-such-instance"));

        assertThat(service.startOutboundVoiceContact(call(b -> b.name("n".repeat(1_024)).description("d".repeat(4_096))
                .relatedContactId(null).clientToken("t".repeat(500)).ringTimeoutInSeconds(15))).contactId()).isNotBlank();
        assertThat(service.startOutboundVoiceContact(call(b -> b.ringTimeoutInSeconds(60))).contactId()).isNotBlank();
    }

    @Test
    void anEmptyBucketRefusesTheCallBeforeItsMembersAreRead() {
        ConnectTasksService throttled = ConnectTasks.inMemory(o -> o.clock(MutableClock.at("2026-08-01T09:00:00Z"))
                .policy(TaskPolicy.defaults().withContactOperationRate(new RatePolicy(1, 1))));
        String id = throttled.createInstance(r -> r.instanceAlias("voice")).instanceId();
        String f = throttled.createContactFlow(r -> r.instanceId(id).name("f").type("CONTACT_FLOW")).contactFlowId();
        StartOutboundVoiceContactRequest bad = StartOutboundVoiceContactRequest.builder().instanceId(id).contactFlowId(f)
                .destinationPhoneNumber("+441632960000").name("n".repeat(1_025)).build();
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> throttled.startOutboundVoiceContact(bad))).isNotNull();
        ThrottlingException throttling = catchThrowableOfType(ThrottlingException.class, () -> throttled.startOutboundVoiceContact(bad));
        assertThat(throttling).as("the second call in the same second finds the bucket empty").isNotNull();
        assertThat(throttling.reason()).isEqualTo(Reason.RATE_EXCEEDED);
    }
}

package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.ForwardClock;
import dev.connecttasks.application.ServiceBuilder;
import dev.connecttasks.application.TestControls;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test controls over a service on the adapter's stores: reset, the forward-only clock, a seeded inbound contact. */
public abstract class TestControlsContract {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** Fresh, empty stores of the adapter under test. */
    protected abstract StorePorts stores();

    private StorePorts stores;
    private ConnectTasksService service;
    private TestControls controls;
    private String instance;
    private String other;
    private String flow;
    private String otherFlow;

    @BeforeEach
    void open() {
        stores = stores();
        ForwardClock clock = new ForwardClock(Clock.fixed(T0, ZoneOffset.UTC));
        service = ServiceBuilder.over(stores, clock, new SequentialIds("tc")).policy(TaskPolicy.defaults().withThrottling(false)
                .withOpenTasksPerInstance(2)).build();
        controls = TestControls.over(service, clock);
        instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("a").build()).instanceId();
        other = service.createInstance(CreateInstanceRequest.builder().instanceAlias("b").build()).instanceId();
        flow = flow(instance);
        otherFlow = flow(other);
    }

    private String flow(String in) {
        return service.createContactFlow(CreateContactFlowRequest.builder().instanceId(in).name("f").type("CONTACT_FLOW").build()).contactFlowId();
    }

    private String task(String in, String withFlow, String token) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(in).contactFlowId(withFlow).name("t")
                .clientToken(token).attributes(Map.of("k", "v")).build()).contactId();
    }

    private boolean exists(String in, String contactId) {
        try {
            service.describeContact(DescribeContactRequest.builder().instanceId(in).contactId(contactId).build());
            return true;
        } catch (ResourceNotFoundException | ContactNotFoundException e) {
            return false;
        }
    }

    @Test
    void resettingOneInstanceEmptiesItsContactsAndKeepsItsSetUpAndTheOtherInstance() {
        String first = task(instance, flow, "token-1");
        String second = task(instance, flow, "token-2");
        service.tagContact(instance, first, Map.of("team", "a"));
        String elsewhere = task(other, otherFlow, "token-1");

        controls.reset(Optional.of(instance));

        assertThat(exists(instance, first)).isFalse();
        assertThat(exists(instance, second)).isFalse();
        assertThat(stores.tags().tags(instance, ResourceArns.tagKey(ResourceArns.CONTACT_KIND, first))).isEmpty();
        assertThat(exists(other, elsewhere)).isTrue();
        assertThat(service.describeContactFlow(instance, flow).contactFlowId()).isEqualTo(flow);
        // the quota of 2 counts from nothing, and the ClientTokens are new again: they make new contacts
        String again = task(instance, flow, "token-1");
        assertThat(again).isNotEqualTo(first);
        task(instance, flow, "token-2");
        assertThat(catchThrowableOfType(dev.connecttasks.domain.error.ServiceQuotaExceededException.class,
                () -> task(instance, flow, "token-3")).reason()).isEqualTo(Reason.ACTIVE_TASKS);
        // the other instance's token still replays its contact
        assertThat(task(other, otherFlow, "token-1")).isEqualTo(elsewhere);
    }

    @Test
    void resettingEveryInstanceEmptiesThemAll() {
        String here = task(instance, flow, "t");
        String there = task(other, otherFlow, "t");
        controls.reset(Optional.empty());
        assertThat(exists(instance, here)).isFalse();
        assertThat(exists(other, there)).isFalse();
        assertThat(service.listInstances()).hasSize(2);
    }

    @Test
    void resettingAnInstanceThatDoesNotExistIsRefusedAndChangesNothing() {
        String here = task(instance, flow, "t");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> controls.reset(Optional.of("no-such-instance"))).reason())
                .isEqualTo(Reason.INSTANCE);
        assertThat(exists(instance, here)).isTrue();
    }

    @Test
    void theClockMovesForwardOnlyAndEveryRuleReadsIt() {
        String task = task(instance, flow, "t");
        assertThat(controls.now()).isEqualTo(T0);
        assertThat(controls.advance(Duration.ofDays(7).plusSeconds(1), "AdvanceSeconds")).isEqualTo(T0.plus(Duration.ofDays(7).plusSeconds(1)));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build()).contact()
                .state(controls.now())).isEqualTo(ContactState.ENDED);
        Instant later = controls.now().plusSeconds(60);
        assertThat(controls.setNow(later, "Now")).isEqualTo(later);
        InvalidParameterException back = catchThrowableOfType(InvalidParameterException.class,
                () -> controls.setNow(later.minusSeconds(1), "Now"));
        assertThat(back.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(back.getMessage()).contains("Now").contains("forward only");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> controls.advance(Duration.ofSeconds(-1), "AdvanceSeconds"))
                .getMessage()).contains("AdvanceSeconds");
        assertThat(controls.now()).as("a refused move leaves the clock where it was").isEqualTo(later);
    }

    @Test
    void aSeededInboundCallIsWhereALinkedTaskStarts() {
        String call = controls.startInboundContact(Optional.of(instance), Optional.of("VOICE"), Map.of("caller", "+441632960000"));
        var contact = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(call).build()).contact();
        assertThat(contact.channel()).isEqualTo(Channel.VOICE);
        assertThat(contact.initiationMethod()).isEqualTo(InitiationMethod.INBOUND);
        String followUp = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow)
                .name("Call back").previousContactId(call).build()).contactId();
        assertThat(service.getContactAttributes(dev.connecttasks.domain.request.GetContactAttributesRequest.builder().instanceId(instance)
                .initialContactId(followUp).build()).attributes()).containsEntry("caller", "+441632960000");
    }

    @Test
    void aSeedThatCannotBeRecordedIsRefusedAndCreatesNothing() {
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> controls.startInboundContact(Optional.of(instance), Optional.of("TASK"), Map.of())).getMessage()).contains("Channel");
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> controls.startInboundContact(Optional.of(instance), Optional.empty(), Map.of())).getMessage()).contains("Channel");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> controls.startInboundContact(Optional.of("nope"), Optional.of("VOICE"), Map.of())).reason()).isEqualTo(Reason.INSTANCE);
        assertThat(service.searchContacts(dev.connecttasks.domain.request.SearchContactsRequest.builder().instanceId(instance)
                .timeRange("INITIATION_TIMESTAMP", T0.minusSeconds(1), T0.plusSeconds(1)).build()).totalCount()).isZero();
    }
}

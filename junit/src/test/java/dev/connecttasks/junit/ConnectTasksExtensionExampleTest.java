package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;

/** The example of docs/testing.md: a test handed the SDK client, the clock and the service, fresh for each test. */
// docs/testing.md example begins
@ExtendWith(ConnectTasksExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectTasksExtensionExampleTest {

    private static ConnectTasksService firstTestsService;

    @Test
    @Order(1)
    void aLinkedTaskSharesItsChainsAttributes(ConnectClient connect, ConnectTasksService service) {
        firstTestsService = service;
        String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        String flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks")
                .type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
        String first = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                .name("Call back").attributes(Map.of("customer", "c-42"))).contactId();
        String second = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                .name("Refund").previousContactId(first)).contactId();

        assertThat(instance).isEqualTo("id-1");                       // ids are sequential
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(second))
                .attributes()).containsEntry("customer", "c-42");
    }

    @Test
    @Order(2)
    void theClockDecidesWhatIsTooLateAndEachTestStartsAfresh(ConnectClient connect, MutableClock clock,
                                                             ConnectTasksService service) {
        assertThat(service).isNotSameAs(firstTestsService);
        assertThat(connect.listInstances(r -> { }).instanceSummaryList()).isEmpty();
        assertThat(clock.instant()).isEqualTo(Instant.parse(ConnectTasksExtension.DEFAULT_START));

        String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        String flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks")
                .type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
        Instant inTwoDays = clock.instant().plus(Duration.ofDays(2));
        clock.advance(Duration.ofDays(3));                             // the scheduled time is now past
        assertThatThrownBy(() -> connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                .name("Late").scheduledTime(inTwoDays)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ScheduledTime")
                .satisfies(e -> assertThat(((InvalidParameterException) e).statusCode()).isEqualTo(400));
    }
}
// docs/testing.md example ends

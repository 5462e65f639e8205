package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Channel;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.ContactFlowState;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.ContactInitiationMethod;
import software.amazon.awssdk.services.connect.model.ContactNotFoundException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.LimitExceededException;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;
import software.amazon.awssdk.services.connect.model.ThrottlingException;

/** Every operation of the adapter through the real AWS SDK client, and every error raised by its class. */
class SdkOperationsTest {

    private SdkFixture fixture;
    private ConnectClient connect;
    private String instance;
    private String flow;

    @BeforeEach
    void start() throws Exception {
        fixture = SdkFixture.start(ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false))));
        connect = fixture.connect;
        instance = fixture.instance;
        flow = fixture.flow;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private StartTaskContactRequest.Builder task() {
        return fixture.task();
    }

    @Test
    void aTaskStartsAndReadsBackThroughEveryContactOperation() {
        String id = connect.startTaskContact(task().description("about the refund").attributes(Map.of("customer", "c-42"))
                .references(Map.of("ticket", Reference.builder().type(ReferenceType.URL).value("https://example.com/t/1").build())).build())
                .contactId();
        Contact contact = connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact();
        assertThat(contact.id()).isEqualTo(id);
        assertThat(contact.initialContactId()).isEqualTo(id);
        assertThat(contact.channel()).isEqualTo(Channel.TASK);
        assertThat(contact.initiationMethod()).isEqualTo(ContactInitiationMethod.API);
        assertThat(contact.name()).isEqualTo("Call back");
        assertThat(contact.description()).isEqualTo("about the refund");
        assertThat(contact.initiationTimestamp()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(contact.disconnectTimestamp()).isNull();
        assertThat(contact.arn()).endsWith("/contact/" + id);

        connect.updateContactAttributes(r -> r.instanceId(instance).initialContactId(id).attributes(Map.of("status", "called")));
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(id)).attributes())
                .isEqualTo(Map.of("customer", "c-42", "status", "called"));

        connect.stopContact(r -> r.instanceId(instance).contactId(id));
        Contact stopped = connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact();
        assertThat(stopped.disconnectTimestamp()).isNotNull();
        assertThat(stopped.disconnectReason()).isEqualTo("API");
        assertThatThrownBy(() -> connect.stopContact(r -> r.instanceId(instance).contactId(id))).isInstanceOf(ContactNotFoundException.class)
                .hasMessageContaining("Status Code: 410");
    }

    @Test
    void aScheduledTaskIsRescheduledAtMostTwentyTimes() {
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String id = connect.startTaskContact(task().scheduledTime(at).build()).contactId();
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().scheduledTimestamp()).isEqualTo(at);
        for (int i = 1; i <= 20; i++) {
            Instant next = at.plusSeconds(i * 60L);
            connect.updateContactSchedule(r -> r.instanceId(instance).contactId(id).scheduledTime(next));
        }
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().scheduledTimestamp()).isEqualTo(at.plusSeconds(1200));
        assertThatThrownBy(() -> connect.updateContactSchedule(r -> r.instanceId(instance).contactId(id).scheduledTime(at)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void aChainTakesTwelveLinkedTasksAndSharesItsAttributes() {
        String root = connect.startTaskContact(task().attributes(Map.of("root", "1")).build()).contactId();
        List<String> linked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            linked.add(connect.startTaskContact(task().previousContactId(root).attributes(Map.of("k" + i, "v")).build()).contactId());
        }
        assertThatThrownBy(() -> connect.startTaskContact(task().previousContactId(root).build()))
                .isInstanceOf(ServiceQuotaExceededException.class).hasMessageContaining("12");
        Map<String, String> shared = connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(linked.get(5))).attributes();
        assertThat(shared).hasSize(13).containsEntry("root", "1").containsEntry("k11", "v");
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(linked.get(3))).contact().previousContactId()).isEqualTo(root);
    }

    @Test
    void aRelatedTaskCopiesAttributesWhileALinkedOneShares() {
        String chat = connect.startChatContact(r -> r.instanceId(instance).contactFlowId(flow).attributes(Map.of("topic", "refund"))
                .participantDetails(p -> p.displayName("Ann"))).contactId();
        String related = connect.startTaskContact(task().relatedContactId(chat).attributes(Map.of("task", "yes")).build()).contactId();
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(related)).attributes())
                .isEqualTo(Map.of("topic", "refund", "task", "yes"));
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(chat)).attributes())
                .as("the chat's own attributes are untouched").isEqualTo(Map.of("topic", "refund"));
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(related)).contact().relatedContactId()).isEqualTo(chat);
    }

    @Test
    void aRetryWithTheSameClientTokenGetsTheSameContact() {
        String first = connect.startTaskContact(task().clientToken("retry-1").build()).contactId();
        String again = connect.startTaskContact(task().clientToken("retry-1").build()).contactId();
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> connect.startTaskContact(task().clientToken("retry-1").name("Another name").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ClientToken");
    }

    @Test
    void everyErrorArrivesAsItsOwnExceptionClass() {
        assertThatThrownBy(() -> connect.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("no flow").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("One of ContactFlowId, QuickConnectId or TaskTemplateId");
        assertThatThrownBy(() -> connect.startTaskContact(task().attributes(Map.of("bad key!", "v")).build()))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> connect.startTaskContact(task().instanceId("00000000-0000-0000-0000-000000000000").build()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> connect.describeContact(r -> r.instanceId(instance).contactId("no-such-contact")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aFailingStoreArrivesAsInternalServiceException() throws Exception {
        SdkFixture.requireInProcess("starts a server of its own over a store that fails");
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:failing-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        var service = dev.connecttasks.adapter.jdbc.JdbcConnectTasks.create(pool);
        try (HttpConnectServer failing = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0));
             ConnectClient client = SdkClients.connect(failing.endpoint())) {
            pool.close();
            var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    software.amazon.awssdk.services.connect.model.InternalServiceException.class, () -> client.listInstances(r -> { }));
            assertThat(failure.statusCode()).isEqualTo(500);
            assertThat(failure.awsErrorDetails().errorMessage()).as("no statement, table or driver text reaches the client")
                    .isEqualTo("The request failed inside the server; its log has the detail under request id " + failure.requestId())
                    .doesNotContainIgnoringCase("select").doesNotContain("ct_").doesNotContainIgnoringCase("hikari");
        }
    }

    @Test
    void instancesAndFlowsAreSetUpAndReadOverTheApi() {
        fixture.requireOwnSetUp("archives the flow");
        assertThat(connect.describeInstance(r -> r.instanceId(instance)).instance().instanceAlias()).isEqualTo("sdk");
        assertThat(connect.listInstancesPaginator(r -> { }).instanceSummaryList().stream().map(s -> s.id())).contains(instance);
        assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(flow)).contactFlow().stateAsString()).isEqualTo("ACTIVE");
        connect.updateContactFlowMetadata(r -> r.instanceId(instance).contactFlowId(flow).contactFlowState(ContactFlowState.ARCHIVED));
        assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(flow)).contactFlow().state())
                .isEqualTo(ContactFlowState.ARCHIVED);
        assertThatThrownBy(() -> connect.startTaskContact(task().build())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void throttlingWhenOnRaisesThrottlingException() throws Exception {
        SdkFixture.requireInProcess("starts a server of its own with throttling on");
        try (HttpConnectServer throttled = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0));
             ConnectClient client = SdkClients.connect(throttled.endpoint())) {
            String id = client.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String f = client.createContactFlow(r -> r.instanceId(id).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 200; i++) {
                    client.startTaskContact(r -> r.instanceId(id).contactFlowId(f).name("t"));
                }
            }).isInstanceOf(ThrottlingException.class).hasMessageContaining("Status Code: 429");
        }
    }
}

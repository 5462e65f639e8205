package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.QuickConnectType;
import software.amazon.awssdk.services.connect.model.TaskTemplateMetadata;
import software.amazon.awssdk.services.connect.model.TaskTemplateStatus;

/** The list operations through the SDK's own paginators: pages, NextToken, filters in the query string. */
class ListsSdkTest extends InMemorySdkTest {


    @Test
    void thePaginatorsWalkEveryPageAndTheFiltersReachTheService() {
        // relative to what the instance holds already: a conformance run may be given one that earlier cases filled
        List<ContactFlowSummary> before = connect.listContactFlowsPaginator(r -> r.instanceId(instance)).contactFlowSummaryList()
                .stream().toList();
        List<String> flows = new ArrayList<>(before.stream().map(ContactFlowSummary::id).toList());
        for (int i = 0; i < 6; i++) {
            ContactFlowType type = i % 2 == 0 ? ContactFlowType.AGENT_TRANSFER : ContactFlowType.CONTACT_FLOW;
            flows.add(connect.createContactFlow(r -> r.instanceId(instance).name("f").type(type).content("{}")).contactFlowId());
        }
        var pages = connect.listContactFlowsPaginator(r -> r.instanceId(instance).maxResults(2));
        assertThat(pages.stream().count()).as(flows.size() + " flows, 2 a page").isEqualTo((flows.size() + 1) / 2);
        assertThat(pages.contactFlowSummaryList().stream().map(ContactFlowSummary::id).toList())
                .containsExactlyElementsOf(flows.stream().sorted().toList());
        long agentTransfersBefore = before.stream().filter(f -> f.contactFlowType() == ContactFlowType.AGENT_TRANSFER).count();
        assertThat(connect.listContactFlowsPaginator(r -> r.instanceId(instance).contactFlowTypes(ContactFlowType.AGENT_TRANSFER))
                .contactFlowSummaryList().stream().toList()).hasSize((int) agentTransfersBefore + 3)
                .allMatch(f -> f.contactFlowType() == ContactFlowType.AGENT_TRANSFER);

        String name = "Callback " + java.util.UUID.randomUUID();
        String active = connect.createTaskTemplate(r -> r.instanceId(instance).name(name).contactFlowId(fixture.flow)
                .description("For callbacks")).id();
        String inactive = connect.createTaskTemplate(r -> r.instanceId(instance).name(name).contactFlowId(fixture.flow)
                .status(TaskTemplateStatus.INACTIVE)).id();
        assertThat(connect.listTaskTemplatesPaginator(r -> r.instanceId(instance).status(TaskTemplateStatus.INACTIVE)).taskTemplates()
                .stream().map(TaskTemplateMetadata::id).toList()).contains(inactive).doesNotContain(active);
        assertThat(connect.listTaskTemplates(r -> r.instanceId(instance).status(TaskTemplateStatus.ACTIVE).name(name)).taskTemplates())
                .singleElement().satisfies(t -> {
                    assertThat(t.id()).isEqualTo(active);
                    assertThat(t.description()).isEqualTo("For callbacks");
                });
        var templatePages = connect.listTaskTemplatesPaginator(r -> r.instanceId(instance).maxResults(1));
        List<String> templates = templatePages.taskTemplates().stream().map(TaskTemplateMetadata::id).toList();
        assertThat(templates).contains(active, inactive).isSorted().doesNotHaveDuplicates();

        String phone = "phone " + java.util.UUID.randomUUID();
        connect.createQuickConnect(r -> r.instanceId(instance).name("agent").quickConnectConfig(c -> c.quickConnectType(QuickConnectType.USER)
                .userConfig(u -> u.userId("u-1").contactFlowId(fixture.flow))));
        connect.createQuickConnect(r -> r.instanceId(instance).name(phone).quickConnectConfig(c -> c
                .quickConnectType(QuickConnectType.PHONE_NUMBER).phoneConfig(p -> p.phoneNumber("+15550100"))));
        assertThat(connect.listQuickConnectsPaginator(r -> r.instanceId(instance).quickConnectTypes(QuickConnectType.PHONE_NUMBER))
                .quickConnectSummaryList().stream().toList()).allMatch(q -> q.quickConnectType() == QuickConnectType.PHONE_NUMBER)
                .filteredOn(q -> q.name().equals(phone)).hasSize(1);

    }

    @Test
    void instancesArePagedTenAtATime() {
        fixture.requireOwnSetUp("creates eleven instances");
        long before = connect.listInstancesPaginator(r -> { }).instanceSummaryList().stream().count();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            created.add(connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true)
                    .outboundCallsEnabled(true)).id());
        }
        try {
            assertThat(connect.listInstances(r -> { }).instanceSummaryList()).hasSize(10);
            assertThat(connect.listInstancesPaginator(r -> { }).instanceSummaryList().stream().count()).isEqualTo(before + 11);
        } finally {
            created.forEach(id -> connect.deleteInstance(r -> r.instanceId(id)));
        }
    }

    @Test
    void aMadeUpTokenAndAnOutOfRangeMaxResultsAreRefused() {
        InvalidParameterException token = catchThrowableOfType(InvalidParameterException.class,
                () -> connect.listContactFlows(r -> r.instanceId(instance).nextToken("made-up")));
        assertThat(token.awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"INVALID_NEXT_TOKEN\"");
        InvalidParameterException size = catchThrowableOfType(InvalidParameterException.class,
                () -> connect.listTaskTemplates(r -> r.instanceId(instance).maxResults(101)));
        assertThat(size.awsErrorDetails().errorMessage()).isEqualTo("MaxResults must be 1 to 100 (was 101)");
    }
}

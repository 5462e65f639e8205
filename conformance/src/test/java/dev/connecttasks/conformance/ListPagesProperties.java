package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.rules.Pages;
import dev.connecttasks.domain.template.TaskTemplate;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The list operations' pages: every item once, in id order, while items are added; filters applied; tokens checked. */
class ListPagesProperties {

    private record Walk(int existing, int maxResults, List<Integer> addedAfterEachPage) {
    }

    private final ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(TaskPolicy.defaults().withThrottling(false)));
    private final String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();

    private String flow(String type) {
        return service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type(type).build()).contactFlowId();
    }

    private Pages.Page<ContactFlow> flows(ListRequest.Builder request) {
        return service.listContactFlows(request.instanceId(instance).build());
    }

    @Test
    void walkingEveryPageYieldsEveryItemOnceInIdOrderWhileItemsAreAdded() {
        Property.forAll(Gens.combine(Gens.integers(0, 30), Gens.integers(1, 12), Gens.lists(Gens.integers(0, 4), 0, 12), Walk::new))
                .named("pages yield every item once").tries(150).check(walk -> {
                    String own = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
                    Set<String> atStart = new HashSet<>();
                    for (int i = 0; i < walk.existing(); i++) {
                        atStart.add(service.createContactFlow(CreateContactFlowRequest.builder().instanceId(own).name("f" + i)
                                .type("CONTACT_FLOW").build()).contactFlowId());
                    }
                    Set<String> all = new HashSet<>(atStart);
                    List<String> seen = new ArrayList<>();
                    String token = null;
                    int page = 0;
                    do {
                        Pages.Page<ContactFlow> answer = service.listContactFlows(ListRequest.builder().instanceId(own)
                                .maxResults(walk.maxResults()).nextToken(token).build());
                        assertThat(answer.items()).hasSizeLessThanOrEqualTo(walk.maxResults());
                        if (page > 0) {
                            // no item is deleted here, so a NextToken is given only when items follow it
                            assertThat(answer.items()).as("page %d, after a NextToken", page + 1).isNotEmpty();
                        }
                        if (answer.nextToken().isPresent()) {
                            assertThat(answer.items()).as("a page with a next one is full").hasSize(walk.maxResults());
                        }
                        answer.items().forEach(f -> seen.add(f.contactFlowId()));
                        token = answer.nextToken().orElse(null);
                        int added = page < walk.addedAfterEachPage().size() ? walk.addedAfterEachPage().get(page) : 0;
                        for (int i = 0; i < added; i++) {
                            all.add(service.createContactFlow(CreateContactFlowRequest.builder().instanceId(own).name("added")
                                    .type("CONTACT_FLOW").build()).contactFlowId());
                        }
                        page++;
                        // a walk that does not advance would never end: more pages than items is a failure
                        assertThat(page).as("pages walked").isLessThanOrEqualTo(all.size() + 1);
                    } while (token != null);
                    assertThat(seen).as("once each").doesNotHaveDuplicates();
                    assertThat(seen).as("in id order").isSorted();
                    assertThat(seen).as("everything there at the start").containsAll(atStart);
                    assertThat(all).as("nothing that is not a flow").containsAll(seen);
                });
    }

    private static void refused(Reason reason, String member, Runnable call) {
        RefusedCalls.refused(InvalidParameterException.class, reason, member, call);
    }

    @Test
    void anInstancesListsNeedItsIdAndTakeAsManyTypesAsTheModelAllows() {
        List<java.util.function.Function<ListRequest.Builder, Object>> lists = List.of(
                r -> service.listContactFlows(r.build()), r -> service.listQuickConnects(r.build()), r -> service.listTaskTemplates(r.build()));
        for (var list : lists) {
            refused(Reason.MISSING_PARAMETER, "InstanceId", () -> list.apply(ListRequest.builder()));
            refused(Reason.INVALID_LENGTH, "InstanceId", () -> list.apply(ListRequest.builder().instanceId("i".repeat(101))));
        }
        String f = flow("CONTACT_FLOW");
        List<String> allTypes = java.util.Arrays.stream(dev.connecttasks.domain.flow.FlowType.values()).map(Enum::name).toList();
        assertThat(allTypes).hasSize(10);
        assertThat(flows(ListRequest.builder().types(allTypes)).items()).extracting(ContactFlow::contactFlowId).containsExactly(f);
        List<String> eleven = new ArrayList<>(allTypes);
        eleven.add("CONTACT_FLOW");
        refused(Reason.INVALID_LENGTH, "ContactFlowTypes", () -> flows(ListRequest.builder().types(eleven)));
        List<String> four = List.of("USER", "QUEUE", "PHONE_NUMBER", "FLOW");
        assertThat(service.listQuickConnects(ListRequest.builder().instanceId(instance).types(four).build()).items()).isEmpty();
        refused(Reason.INVALID_LENGTH, "QuickConnectTypes", () -> service.listQuickConnects(ListRequest.builder().instanceId(instance)
                .types(List.of("USER", "QUEUE", "PHONE_NUMBER", "FLOW", "USER")).build()));
        refused(Reason.INVALID_LENGTH, "Name", () -> service.listTaskTemplates(ListRequest.builder().instanceId(instance).name("").build()));
        refused(Reason.INVALID_LENGTH, "Name", () -> service.listTaskTemplates(ListRequest.builder().instanceId(instance).name("n".repeat(101))
                .build()));
    }

    @Test
    void filtersKeepWhatTheyNameAndMaxResultsBoundsThePage() {
        String contactFlow = flow("CONTACT_FLOW");
        String transfer = flow("AGENT_TRANSFER");
        flow("QUEUE_TRANSFER");
        assertThat(flows(ListRequest.builder().types(List.of("AGENT_TRANSFER", "CONTACT_FLOW"))).items())
                .extracting(ContactFlow::contactFlowId).containsExactlyInAnyOrder(contactFlow, transfer);
        assertThat(flows(ListRequest.builder()).items()).hasSize(3);
        assertThat(flows(ListRequest.builder().maxResults(1)).items()).hasSize(1);

        String active = template("callback", "ACTIVE");
        String inactive = template("callback", "INACTIVE");
        String other = template("other", "INACTIVE");
        assertThat(templates(ListRequest.builder().status("INACTIVE"))).containsExactlyInAnyOrder(inactive, other);
        assertThat(templates(ListRequest.builder().status("ACTIVE"))).containsExactly(active);
        assertThat(templates(ListRequest.builder().name("callback"))).containsExactlyInAnyOrder(active, inactive);
        assertThat(templates(ListRequest.builder().name("callback").status("INACTIVE"))).containsExactly(inactive);
        assertThat(templates(ListRequest.builder().name("call"))).as("the name is matched whole").isEmpty();

        String user = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("u").quickConnectType("USER").target("agent")
                .contactFlowId(transfer).build()).quickConnectId();
        service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("p").quickConnectType("PHONE_NUMBER").target("+15550100")
                .build());
        assertThat(service.listQuickConnects(ListRequest.builder().instanceId(instance).types(List.of("USER")).build()).items())
                .singleElement().satisfies(q -> assertThat(q.quickConnectId()).isEqualTo(user));
        assertThat(service.listQuickConnects(ListRequest.builder().instanceId(instance).build()).items()).hasSize(2);

        for (int i = 0; i < 12; i++) {
            service.createInstance(CreateInstanceRequest.builder().build());
        }
        Pages.Page<?> firstInstances = service.listInstances(ListRequest.builder().build());
        assertThat(firstInstances.items()).as("ListInstances pages 10 at most").hasSize(10);
        assertThat(firstInstances.nextToken()).isPresent();
    }

    private String template(String name, String status) {
        return service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name(name).status(status).build())
                .taskTemplateId();
    }

    private List<String> templates(ListRequest.Builder request) {
        return service.listTaskTemplates(request.instanceId(instance).build()).items().stream().map(TaskTemplate::taskTemplateId).toList();
    }

    @Test
    void aTokenIsHonouredOnlyByTheListingThatIssuedItAndBadMembersAreRefused() {
        for (int i = 0; i < 3; i++) {
            flow("CONTACT_FLOW");
        }
        String token = flows(ListRequest.builder().maxResults(1)).nextToken().orElseThrow();
        assertThat(flows(ListRequest.builder().maxResults(2).nextToken(token)).items()).as("MaxResults may change between pages").hasSize(2);
        String otherInstance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        int dot = token.indexOf('.');
        char last = token.charAt(token.length() - 1);
        List<ListRequest> foreign = List.of(
                ListRequest.builder().instanceId(instance).nextToken(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')).build(),
                ListRequest.builder().instanceId(instance).nextToken("x" + token).build(),
                ListRequest.builder().instanceId(instance).nextToken(token.substring(0, dot)).build(),
                ListRequest.builder().instanceId(instance).nextToken("not a token!").build(),
                ListRequest.builder().instanceId(instance).nextToken("").build(),
                ListRequest.builder().instanceId(instance).types(List.of("AGENT_TRANSFER")).nextToken(token).build(),
                ListRequest.builder().instanceId(otherInstance).nextToken(token).build());
        for (ListRequest request : foreign) {
            InvalidParameterException refused = catchThrowableOfType(InvalidParameterException.class, () -> service.listContactFlows(request));
            assertThat(refused).as("%s", request).isNotNull();
            assertThat(refused.reason()).isEqualTo(Reason.INVALID_NEXT_TOKEN);
        }
        InvalidParameterException toTemplates = catchThrowableOfType(InvalidParameterException.class,
                () -> service.listTaskTemplates(ListRequest.builder().instanceId(instance).nextToken(token).build()));
        assertThat(toTemplates.reason()).isEqualTo(Reason.INVALID_NEXT_TOKEN);

        for (int size : new int[] {0, -1, 1001}) {
            InvalidParameterException refused = catchThrowableOfType(InvalidParameterException.class,
                    () -> flows(ListRequest.builder().maxResults(size)));
            assertThat(refused.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(refused).hasMessage("MaxResults must be 1 to 1000 (was " + size + ")");
        }
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> service.listTaskTemplates(ListRequest.builder()
                .instanceId(instance).maxResults(101).build())).reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> service.listInstances(ListRequest.builder()
                .maxResults(11).build())).reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> flows(ListRequest.builder().types(List.of("TASK")))).reason())
                .isEqualTo(Reason.INVALID_VALUE);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> flows(ListRequest.builder().types(java.util.Collections
                .nCopies(11, "CONTACT_FLOW")))).reason()).isEqualTo(Reason.INVALID_LENGTH);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> service.listTaskTemplates(ListRequest.builder()
                .instanceId(instance).status("ARCHIVED").build())).reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> service.listContactFlows(ListRequest.builder()
                .instanceId("no-such").build())).reason()).isEqualTo(Reason.INSTANCE);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> service.listContactFlows(ListRequest.builder().build()))
                .reason()).isEqualTo(Reason.MISSING_PARAMETER);
    }
}

package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.SearchContactsRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.generators.SetUp;
import dev.connecttasks.testkit.generators.SetUps;
import dev.connecttasks.testkit.generators.StartTaskRequests;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public request generators keep their word: valid requests are accepted as given, each refusal is refused with exactly its reason. */
class StartTaskRequestsProperties {

    private static final Instant NOW = Instant.parse("2026-04-01T08:30:00.250Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(clock).ids(new SequentialIds("g"))
            .policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(100_000)));

    private record Case(SetUp setUp, List<StartTaskContactRequest> requests) {
    }

    @Test
    void everyValidRequestOnAGeneratedSetUpIsAcceptedAndKeptAsGiven() {
        Property.forAll(SetUps.plans().flatMap(plan -> {
            SetUp setUp = plan.createOn(service);
            return Gens.lists(StartTaskRequests.valid(setUp, NOW), 1, 8).map(requests -> new Case(setUp, requests));
        })).tries(60).check(c -> {
            for (StartTaskContactRequest request : c.requests()) {
                String id = service.startTaskContact(request).contactId();
                var contact = service.describeContact(DescribeContactRequest.builder().instanceId(c.setUp().instanceId()).contactId(id).build())
                        .contact();
                assertThat(contact.instanceId()).isEqualTo(c.setUp().instanceId());
                assertThat(contact.description()).as("Description").isEqualTo(request.description().isPresent() ? request.description()
                        : contact.description());
                if (request.taskTemplateId().isEmpty()) {
                    assertThat(contact.name()).isEqualTo(request.name().orElseThrow());
                    assertThat(contact.references()).isEqualTo(request.references());
                }
                assertThat(contact.scheduledTime()).isEqualTo(request.scheduledTime());
            }
        });
    }

    @Test
    void everyRefusalIsRefusedWithExactlyItsReasonAndTypeAndLeavesNothing() {
        for (SetUp setUp : List.of(SetUps.createOn(service), SetUps.createOn(service))) {
            for (StartTaskRequests.Refusal refusal : StartTaskRequests.refusals(setUp, NOW)) {
                Property.forAll(refusal.requests()).tries(25).named("refused with " + refusal.reason()).check(request -> {
                    Throwable thrown = catchThrowable(() -> service.startTaskContact(request));
                    assertThat(thrown).as(String.valueOf(request)).isInstanceOf(refusal.type());
                    assertThat(((ConnectException) thrown).reason()).as(thrown.getMessage()).isEqualTo(refusal.reason());
                    assertThat(contactsOf(setUp)).as("a refused start leaves no contact").isZero();
                });
            }
        }
    }

    @Test
    void aGeneratedChainSharesItsRootsAttributesAlongEveryLink() {
        SetUp setUp = SetUps.createOn(service);
        Property.forAll(StartTaskRequests.chains(setUp, NOW, 1, 15)).tries(40).check(chain -> {
            List<String> ids = chain.startOn(service);
            assertThat(ids).hasSize(chain.next().size() + 1).doesNotHaveDuplicates();
            for (int i = 1; i < ids.size(); i++) {
                var contact = service.describeContact(DescribeContactRequest.builder().instanceId(setUp.instanceId()).contactId(ids.get(i))
                        .build()).contact();
                assertThat(contact.previousContactId()).hasValue(ids.get(i - 1));
                assertThat(contact.initialContactId()).isEqualTo(ids.get(0));
                assertThat(service.getContactAttributes(dev.connecttasks.domain.request.GetContactAttributesRequest.builder()
                        .instanceId(setUp.instanceId()).initialContactId(ids.get(i)).build()).attributes())
                        .isEqualTo(chain.root().attributes());
            }
        });
    }

    @Test
    void theRefusalsCoverEveryReasonAStartMeetsWithoutEarlierCalls() {
        Set<Reason> covered = StartTaskRequests.refusals(SetUps.createOn(service), NOW).stream().map(StartTaskRequests.Refusal::reason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
        assertThat(covered).containsExactlyInAnyOrder(Reason.MISSING_PARAMETER, Reason.INVALID_LENGTH, Reason.INVALID_CHARACTERS,
                Reason.INVALID_ATTRIBUTE_KEY, Reason.ATTRIBUTES_TOO_LARGE, Reason.INVALID_REFERENCE, Reason.SCHEDULED_TIME_IN_PAST,
                Reason.SCHEDULED_TIME_TOO_FAR, Reason.INVALID_SEGMENT_ATTRIBUTE, Reason.PREVIOUS_AND_RELATED, Reason.MULTIPLE_FLOW_SOURCES,
                Reason.NO_FLOW_SOURCE, Reason.INSTANCE, Reason.PREVIOUS_CONTACT, Reason.RELATED_CONTACT, Reason.CONTACT_FLOW,
                Reason.QUICK_CONNECT, Reason.TASK_TEMPLATE, Reason.FLOW_NOT_USABLE, Reason.QUICK_CONNECT_HAS_NO_FLOW,
                Reason.TEMPLATE_INACTIVE, Reason.TEMPLATE_HAS_NO_FLOW, Reason.TEMPLATE_FIELD_MISSING, Reason.TEMPLATE_FIELD_INVALID);
    }

    private long contactsOf(SetUp setUp) {
        return service.searchContacts(SearchContactsRequest.builder().instanceId(setUp.instanceId())
                .timeRange("INITIATION_TIMESTAMP", NOW.minusSeconds(60), NOW.plusSeconds(60)).build()).totalCount();
    }
}

package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.connecttasks.application.ServiceBuilder;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public request generators against a service on the adapter's stores: every valid request is
 * accepted and kept as given, every generated refusal is refused with exactly its reason and
 * exception type and leaves no contact, and generated chains share their root's attributes. Set-ups
 * hold flows, quick connects and templates of every kind, templates with required fields of every
 * type with and without defaults, and the awkward text of {@code Texts.awkward} in every member.
 */
public abstract class StartTaskRequestsContract {

    private static final Instant NOW = Instant.parse("2026-04-01T08:30:00.250Z");

    /** Fresh, empty stores of the adapter under test. */
    protected abstract StorePorts stores();

    private ConnectTasksService service;

    private record Case(SetUp setUp, List<StartTaskContactRequest> requests) {
    }

    @BeforeEach
    void open() {
        service = ServiceBuilder.over(stores(), new MutableClock(NOW), new SequentialIds("g"))
                .policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(100_000)).build();
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
                if (request.description().isPresent()) {
                    assertThat(contact.description()).as("Description").isEqualTo(request.description());
                }
                if (request.taskTemplateId().isEmpty()) {
                    assertThat(contact.name()).as("Name").isEqualTo(request.name().orElseThrow());
                    assertThat(contact.references()).as("References").isEqualTo(request.references());
                }
                assertThat(contact.scheduledTime()).as("ScheduledTime").isEqualTo(request.scheduledTime());
                assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(c.setUp().instanceId())
                        .initialContactId(id).build()).attributes()).as("Attributes").containsAllEntriesOf(request.attributes());
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
                assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(setUp.instanceId())
                        .initialContactId(ids.get(i)).build()).attributes()).isEqualTo(chain.root().attributes());
            }
        });
    }

    private long contactsOf(SetUp setUp) {
        return service.searchContacts(SearchContactsRequest.builder().instanceId(setUp.instanceId())
                .timeRange("INITIATION_TIMESTAMP", NOW.minusSeconds(60), NOW.plusSeconds(60)).build()).totalCount();
    }
}

package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.generators.SetUp;
import dev.connecttasks.testkit.generators.SetUps;
import dev.connecttasks.testkit.generators.StartTaskRequests;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.property.PropertyFailedError;
import dev.connecttasks.testkit.support.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.connecttasks.domain.policy.TaskPolicy;

/** The generators example of docs/testing.md: "my code never starts a 13th linked task", as a property. */
class LinkedTaskLimitExampleTest {

    // every try and every shrinking replay starts its tasks on the one service of the test: no open-task quota here
    @RegisterExtension
    static final ConnectTasksExtension CONNECT = ConnectTasksExtension.inMemory()
            .policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(10_000_000));

    /** A user's code: starts the follow-ups of a contact, linked while it has room, related once it has 12 linked tasks. */
    static final class FollowUps {
        private final ConnectTasksService service;
        private final Map<String, Integer> linked = new HashMap<>();

        FollowUps(ConnectTasksService service) {
            this.service = service;
        }

        String start(String contactId, StartTaskContactRequest followUp) {
            StartTaskContactRequest.Builder request = followUp.toBuilder();
            if (linked.merge(contactId, 1, Integer::sum) <= 12) {
                request.previousContactId(contactId);
            } else {
                request.relatedContactId(contactId);
            }
            return service.startTaskContact(request.build()).contactId();
        }
    }

    // docs/testing.md generators example begins
    @Test
    void myCodeNeverStartsAThirteenthLinkedTask(ConnectTasksService service, MutableClock clock) {
        SetUp setUp = SetUps.createOn(service);
        Property.forAll(StartTaskRequests.fanOuts(setUp, clock.instant(), 1, 20)).tries(30).check(fanOut -> {
            FollowUps followUps = new FollowUps(service);
            String root = service.startTaskContact(fanOut.root()).contactId();
            List<String> previousIds = new ArrayList<>();
            for (StartTaskContactRequest followUp : fanOut.followUps()) {
                String id = followUps.start(root, followUp);       // a refusal would fail the property
                previousIds.add(service.describeContact(DescribeContactRequest.builder()
                        .instanceId(setUp.instanceId()).contactId(id).build())
                        .contact().previousContactId().orElse("none"));
            }
            assertThat(previousIds.stream().filter(root::equals)).hasSizeLessThanOrEqualTo(12);
        });
    }
    // docs/testing.md generators example ends

    @Test
    void codeThatAlwaysLinksIsCaughtAtTheThirteenthAndShrunkToIt(ConnectTasksService service, MutableClock clock) {
        SetUp setUp = SetUps.createOn(service);
        assertThatThrownBy(() -> Property.forAll(StartTaskRequests.fanOuts(setUp, clock.instant(), 1, 20)).tries(30).check(fanOut -> {
            String root = service.startTaskContact(fanOut.root()).contactId();
            for (StartTaskContactRequest followUp : fanOut.linkedTo(root)) {
                service.startTaskContact(followUp);
            }
        })).isInstanceOf(PropertyFailedError.class).satisfies(failure -> {
            assertThat(failure.getCause()).hasMessageContaining("12 linked tasks");
            String shrunk = failure.getMessage().substring(failure.getMessage().indexOf("Shrunk counterexample"));
            assertThat(shrunk.split("StartTaskContactRequest\\[", -1)).as("the root and 12 + 1 follow-ups").hasSize(1 + 1 + 13);
        });
    }
}

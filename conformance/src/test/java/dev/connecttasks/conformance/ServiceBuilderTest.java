package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.ServiceBuilder;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A service assembled over stores of one's own, as an application with its own adapters would. */
class ServiceBuilderTest {

    @Test
    void aServiceOverYourOwnStoresTakesItsClockIdsAndPolicyInAnyOrder() {
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        ConnectTasksService service = ServiceBuilder.over(ConnectTasks.stores(), Clock.systemUTC(), () -> "never-used")
                .policy(TaskPolicy.defaults().withThrottling(false).withLinkedTasksPerContact(1))
                .ids(new SequentialIds("own-"))
                .clock(clock)
                .build();

        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        assertThat(instance).startsWith("own-");
        assertThat(service.describeInstance(instance).createdTime()).isEqualTo(clock.instant());
        assertThat(service.policy().linkedTasksPerContact()).isEqualTo(1);

        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        StartTaskContactRequest.Builder task = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow);
        String root = service.startTaskContact(task.build()).contactId();
        service.startTaskContact(task.previousContactId(root).build());
        ServiceQuotaExceededException second = catchThrowableOfType(ServiceQuotaExceededException.class,
                () -> service.startTaskContact(task.previousContactId(root).build()));
        assertThat(second.reason()).isEqualTo(Reason.LINKED_TASKS);
    }
}

package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every builder step of the in-memory extension reaches the test's service. Registered in an
 * instance field, so that a broken step fails this test itself rather than the class around it.
 */
class ConnectTasksExtensionBuildersTest {

    private static final Instant START = Instant.parse("2029-01-02T03:04:05Z");

    @RegisterExtension
    final ConnectTasksExtension connect = ConnectTasksExtension.inMemory().startingAt(START).idPrefix("b")
            .policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(1));

    @Test
    void theStartIdPrefixAndPolicyGivenAreTheTestsOwn(ConnectTasksService service, MutableClock clock) {
        assertThat(clock.instant()).isEqualTo(START);
        String instance = service.createInstance(r -> r.instanceAlias("builders")).instanceId();
        assertThat(instance).isEqualTo("b-1");
        String flow = service.createContactFlow(r -> r.instanceId(instance).name("f").type("CONTACT_FLOW")).contactFlowId();
        service.startTaskContact(r -> r.instanceId(instance).name("first").contactFlowId(flow));
        ServiceQuotaExceededException full = catchThrowableOfType(ServiceQuotaExceededException.class,
                () -> service.startTaskContact(r -> r.instanceId(instance).name("second").contactFlowId(flow)));
        assertThat(full).as("the policy's quota of one open task").isNotNull();
        assertThat(full.reason()).isEqualTo(Reason.ACTIVE_TASKS);
    }
}

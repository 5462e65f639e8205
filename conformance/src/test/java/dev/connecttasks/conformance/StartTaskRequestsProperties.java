package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.generators.SetUps;
import dev.connecttasks.testkit.generators.StartTaskRequests;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The refusal generators cover every reason a start can meet without earlier calls. What the
 * generated requests do on a store is {@code StartTaskRequestsContract}'s (in memory: {@link
 * InMemoryStartTaskRequestsContract}; the JDBC module runs it on each database).
 */
class StartTaskRequestsProperties {

    private static final Instant NOW = Instant.parse("2026-04-01T08:30:00.250Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(clock).ids(new SequentialIds("g"))
            .policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(100_000)));

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
}

package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 a contact transaction reads its instance's guard without a lock and claims it with its
 * first write. Each case lets another transaction of the instance commit between this one's read
 * of the guard and its end, and checks that this one is run again (its second run locks first) rather
 * than answering from reads of two moments or writing back a stale open-task count.
 */
class JdbcGuardClaimTest {

    private final TestDatabase database = TestDatabase.shared(TestDatabase.Kind.H2);
    private ConnectTasksService service;
    private JdbcContactStore store;
    private String instance;
    private StartTaskContactRequest task;
    private String firstContact;

    @BeforeEach
    void instanceWithOneOpenTask() {
        service = JdbcConnectTasks.create(database.pool(), o -> o.policy(TaskPolicy.defaults().withThrottling(false)).migrate(false));
        store = new JdbcContactStore(database.pool());
        instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("claims").build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        task = StartTaskContactRequest.builder().instanceId(instance).name("t").contactFlowId(flow).build();
        firstContact = service.startTaskContact(task).contactId();
    }

    @Test
    void aWriteAfterAnotherCommitIsRunAgainAndKeepsTheOtherCount() {
        AtomicInteger runs = new AtomicInteger();
        store.inTransaction(instance, interleaved(runs, view -> {
            view.openTaskCount(Instant.now());
            view.putScopeAttributes(firstContact, Map.of("k", "v"));
            return null;
        }));

        assertThat(runs.get()).as("the first run's claim found the guard moved").isEqualTo(2);
        assertThat(openTasks()).as("the other start's count was not overwritten").isEqualTo(2).isEqualTo(new DatabaseRows(database, instance).openTasks());
        assertThat(store.scopeAttributes(instance, firstContact)).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void aRefusalAfterAnotherCommitIsRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> store.inTransaction(instance, interleaved(runs, view -> {
            throw new IllegalStateException("refused after reading " + view.openTaskCount(Instant.now()) + " open tasks");
        }))).isInstanceOf(IllegalStateException.class).hasMessage("refused after reading 2 open tasks");
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void anAnswerWithoutWritesAfterAnotherCommitIsRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        int open = store.inTransaction(instance, interleaved(runs, view -> view.openTaskCount(Instant.now())));
        assertThat(runs.get()).isEqualTo(2);
        assertThat(open).isEqualTo(2);
    }

    @Test
    void withNothingCommittedInBetweenOneRunIsEnough() {
        AtomicInteger runs = new AtomicInteger();
        store.inTransaction(instance, view -> {
            runs.incrementAndGet();
            view.putScopeAttributes(firstContact, Map.of("k", "w"));
            return null;
        });
        assertThat(runs.get()).isEqualTo(1);
        assertThat(openTasks()).isEqualTo(1);
    }

    /** The work, whose first run first waits for another thread to start a task in the same instance. */
    private <T> Function<InstanceTransaction, T> interleaved(AtomicInteger runs, Function<InstanceTransaction, T> work) {
        return view -> {
            if (runs.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> service.startTaskContact(task)).join();
            }
            return work.apply(view);
        };
    }

    private int openTasks() {
        return store.inTransaction(instance, view -> view.openTaskCount(Instant.now()));
    }
}

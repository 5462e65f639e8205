package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.domain.contact.Channel;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.ResolvedFlow;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import java.time.Duration;
import java.time.Instant;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactStore} must do, whatever it stores in. An adapter's test extends this
 * class and returns a fresh, empty store; the instances named here need no set-up elsewhere.
 */
public abstract class ContactStoreContract {

    protected static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    protected ContactStore store;

    /** A fresh, empty store. */
    protected abstract ContactStore newStore() throws Exception;

    @BeforeEach
    void freshStore() throws Exception {
        store = newStore();
    }

    protected static NewTask task(String instance, String id, Optional<String> previous, String initial, Map<String, String> scope,
                                  Optional<String> token) {
        Contact c = new Contact(instance, id, Channel.TASK, InitiationMethod.API, "name 'quoted' \\ ünï €", Optional.of("d"),
                Map.of("r", Reference.of("URL", "https://example.com/?q='x'")), Optional.of(new ResolvedFlow("flow", FlowSource.TASK_TEMPLATE, "tt", Optional.of(3))),
                previous, Optional.empty(), initial, T0, Optional.of(T0.plusSeconds(60)), Optional.of(Duration.ofDays(7)), Optional.empty(), token, 0,
                Map.of("connect:CreatedByUser", SegmentAttributeValue.ofString("arn:aws:connect:us-east-1:000000000000:instance/" + instance
                        + "/agent/a-1"), "connect:ContactExpiry", SegmentAttributeValue.ofMap(Map.of("ExpiryDuration",
                        SegmentAttributeValue.ofInteger(10_080)))));
        return new NewTask(c, initial, scope, token.map(t -> new ClientTokenRecord(t, "fp:" + id, id, T0)));
    }

    @Test
    void aCommittedTaskReadsBackExactly() {
        NewTask t = task("i1", "c1", Optional.empty(), "c1", Map.of("k", "v ' \" \\ ; DROP TABLE x; ü€\u0001"), Optional.of("tok"));
        store.inTransaction("i1", view -> { view.insertTask(t); return null; });
        assertThat(store.findContact("i1", "c1")).hasValue(t.contact());
        assertThat(store.scopeAttributes("i1", "c1")).isEqualTo(t.scopeAttributes());
        store.inTransaction("i1", view -> {
            assertThat(view.contact("c1")).hasValue(t.contact());
            assertThat(view.clientToken("tok")).hasValue(t.clientToken().orElseThrow());
            assertThat(view.openTaskCount(T0)).isEqualTo(1);
            return null;
        });
    }

    @Test
    void clearingAnInstanceRemovesItsContactsTokensAndCountsAndNoOtherInstancesOnes() {
        NewTask first = task("i1", "c1", Optional.empty(), "c1", Map.of("a", "1"), Optional.of("tok"));
        NewTask linked = task("i1", "c2", Optional.of("c1"), "c1", Map.of("a", "1"), Optional.of("tok2"));
        NewTask other = task("i2", "c1", Optional.empty(), "c1", Map.of("b", "2"), Optional.of("tok"));
        store.inTransaction("i1", view -> { view.insertTask(first); view.insertTask(linked); return null; });
        store.inTransaction("i2", view -> { view.insertTask(other); return null; });

        store.clear("i1");

        assertThat(store.findContact("i1", "c1")).isEmpty();
        assertThat(store.findContact("i1", "c2")).isEmpty();
        assertThat(store.scopeAttributes("i1", "c1")).isEmpty();
        assertThat(store.initiatedBetween("i1", T0.minusSeconds(1), T0.plusSeconds(1))).isEmpty();
        store.inTransaction("i1", view -> {
            assertThat(view.clientToken("tok")).isEmpty();
            assertThat(view.linkedTaskCount("c1")).isZero();
            assertThat(view.openTaskCount(T0)).isZero();
            return null;
        });
        assertThat(store.findContact("i2", "c1")).hasValue(other.contact());
        store.inTransaction("i2", view -> {
            assertThat(view.clientToken("tok")).isPresent();
            assertThat(view.openTaskCount(T0)).isEqualTo(1);
            return null;
        });
        // the instance takes contacts again, counted from nothing; the same ids and token are new again
        store.inTransaction("i1", view -> { view.insertTask(first); return null; });
        assertThat(store.findContact("i1", "c1")).hasValue(first.contact());
        store.inTransaction("i1", view -> {
            assertThat(view.openTaskCount(T0)).isEqualTo(1);
            return null;
        });
    }

    @Test
    void instancesNeverSeeEachOther() {
        store.inTransaction("i1", view -> { view.insertTask(task("i1", "c1", Optional.empty(), "c1", Map.of("a", "1"), Optional.of("tok"))); return null; });
        assertThat(store.findContact("i2", "c1")).isEmpty();
        assertThat(store.scopeAttributes("i2", "c1")).isEmpty();
        store.inTransaction("i2", view -> {
            assertThat(view.contact("c1")).isEmpty();
            assertThat(view.clientToken("tok")).isEmpty();
            assertThat(view.openTaskCount(T0)).isZero();
            return null;
        });
    }

    @Test
    void aThrowingTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> store.inTransaction("i1", view -> {
            view.insertTask(task("i1", "c1", Optional.empty(), "c1", Map.of("a", "1"), Optional.of("tok")));
            view.putScopeAttributes("other", Map.of("b", "2"));
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.findContact("i1", "c1")).isEmpty();
        assertThat(store.scopeAttributes("i1", "other")).isEmpty();
        store.inTransaction("i1", view -> {
            assertThat(view.clientToken("tok")).isEmpty();
            assertThat(view.openTaskCount(T0)).isZero();
            return null;
        });
    }

    @Test
    void linkedTasksAreCountedPerPreviousContact() {
        store.inTransaction("i1", view -> {
            view.insertTask(task("i1", "p", Optional.empty(), "p", Map.of(), Optional.empty()));
            return null;
        });
        for (int i = 0; i < 3; i++) {
            String id = "l" + i;
            store.inTransaction("i1", view -> { view.insertTask(task("i1", id, Optional.of("p"), "p", Map.of("n", id), Optional.empty())); return null; });
        }
        store.inTransaction("i1", view -> {
            assertThat(view.linkedTaskCount("p")).isEqualTo(3);
            assertThat(view.linkedTaskCount("l0")).isZero();
            return null;
        });
        assertThat(store.scopeAttributes("i1", "p")).isEqualTo(Map.of("n", "l2"));
    }

    @Test
    void openTasksAreAFunctionOfTimeAndStops() {
        store.inTransaction("i1", view -> {
            view.insertTask(task("i1", "a", Optional.empty(), "a", Map.of(), Optional.empty()));
            view.insertTask(task("i1", "b", Optional.empty(), "b", Map.of(), Optional.empty()));
            return null;
        });
        Instant expiry = T0.plusSeconds(60).plus(Duration.ofDays(7));
        store.inTransaction("i1", view -> {
            assertThat(view.openTaskCount(expiry.minusNanos(1))).isEqualTo(2);
            assertThat(view.openTaskCount(expiry)).isZero();
            assertThat(view.openTaskCount(T0)).as("an earlier instant, asked after a later one").isEqualTo(2);
            view.updateContact(view.contact("a").orElseThrow().stopped(T0.plusSeconds(5)));
            return null;
        });
        store.inTransaction("i1", view -> {
            assertThat(view.openTaskCount(T0.plusSeconds(10))).isEqualTo(1);
            view.updateContact(view.contact("b").orElseThrow().rescheduled(T0.plus(Duration.ofDays(2))));
            return null;
        });
        store.inTransaction("i1", view -> {
            assertThat(view.openTaskCount(expiry)).as("b's expiry moved with its schedule").isEqualTo(1);
            assertThat(view.openTaskCount(T0.plus(Duration.ofDays(9)))).isZero();
            return null;
        });
    }

    /**
     * Random inserts, stops, reschedules and counts at instants moving forwards and backwards: every
     * count equals the number of tasks written so far that are not stopped and expire after it.
     */
    @Test
    void openTaskCountsMatchANaiveCountAtAnyInstant() {
        AtomicInteger tries = new AtomicInteger();
        Gen<List<Integer>> op = Gens.combine(Gens.integers(0, 3), Gens.integers(0, 7), Gens.integers(0, 240), (kind, task, hours) -> List.of(kind, task, hours));
        Property.forAll(Gens.lists(op, 1, 40)).named("open task counts " + getClass().getSimpleName()).tries(60).check(ops -> {
            String instance = "open-" + tries.incrementAndGet();
            Map<String, Contact> written = new HashMap<>();
            for (List<Integer> op3 : ops) {
                int[] o = {op3.get(0), op3.get(1), op3.get(2)};
                String id = "t" + o[1];
                Instant at = T0.plus(Duration.ofHours(o[2]));
                Contact current = written.get(id);
                store.inTransaction(instance, view -> {
                    switch (o[0]) {
                        case 0 -> {
                            if (current == null) {
                                Contact c = new Contact(instance, id, Channel.TASK, InitiationMethod.API, "n", Optional.empty(), Map.of(),
                                        Optional.of(new ResolvedFlow("flow", FlowSource.CONTACT_FLOW, "flow", Optional.empty())), Optional.empty(), Optional.empty(), id, T0, Optional.empty(), Optional.of(Duration.ofHours(1 + o[2])), Optional.empty(),
                                        Optional.empty(), 0, Map.of());
                                view.insertTask(new NewTask(c, id, Map.of(), Optional.empty()));
                                written.put(id, c);
                            }
                        }
                        case 1 -> {
                            if (current != null && current.stoppedAt().isEmpty()) {
                                Contact stopped = view.contact(id).orElseThrow().stopped(at);
                                view.updateContact(stopped);
                                written.put(id, stopped);
                            }
                        }
                        case 2 -> {
                            if (current != null && current.stoppedAt().isEmpty()) {
                                Contact moved = view.contact(id).orElseThrow().rescheduled(at);
                                view.updateContact(moved);
                                written.put(id, moved);
                            }
                        }
                        default -> {
                            for (Instant instant : List.of(at, at.minus(Duration.ofHours(o[1] * 7L)))) {
                                long expected = written.values().stream()
                                        .filter(c -> c.stoppedAt().isEmpty() && c.expiresAt().orElseThrow().isAfter(instant)).count();
                                assertThat(view.openTaskCount(instant)).as("open tasks at %s", instant).isEqualTo(expected);
                            }
                        }
                    }
                    return null;
                });
            }
        });
    }

    @Test
    void recordedContactsKeepTheirOwnScopeAndNeverCountAsTasks() {
        Contact voice = Contact.recorded("i1", "v1", Channel.VOICE, InitiationMethod.INBOUND, T0);
        store.inTransaction("i1", view -> { view.insertContact(voice, Map.of("caller", "x")); return null; });
        assertThat(store.findContact("i1", "v1")).hasValue(voice);
        assertThat(store.scopeAttributes("i1", "v1")).isEqualTo(Map.of("caller", "x"));
        store.inTransaction("i1", view -> { assertThat(view.openTaskCount(T0)).isZero(); return null; });
    }

    @Test
    void theFullAttributeBudgetRoundTrips() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 10_000; i++) {
            big.append((char) (0x20 + i % 0x5f)).append('é').append('€').append("\uD83D\uDE00");
        }
        Map<String, String> scope = Map.of("k", big.toString(), "empty", "", "tab", "a\tb\nc\\d'e\"f");
        store.inTransaction("i1", view -> { view.insertTask(task("i1", "c", Optional.empty(), "c", scope, Optional.empty())); return null; });
        assertThat(store.scopeAttributes("i1", "c")).isEqualTo(scope);
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void transactionsOfOneInstanceDoNotInterleave() throws Exception {
        store.inTransaction("i1", view -> { view.insertTask(task("i1", "p", Optional.empty(), "p", Map.of(), Optional.empty())); return null; });
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "c" + thread + "-" + i;
                    // read-decide-write: only correct if no other transaction of i1 interleaves
                    store.inTransaction("i1", view -> {
                        int linked = view.linkedTaskCount("p");
                        Map<String, String> scope = new java.util.HashMap<>(view.scopeAttributes("p"));
                        scope.put("count", Integer.toString(linked + 1));
                        pause(); // widens the window between read and write, so an interleaving store is caught
                        view.insertTask(task("i1", id, Optional.of("p"), "p", scope, Optional.empty()));
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(store.scopeAttributes("i1", "p")).containsEntry("count", Integer.toString(threads * perThread));
        store.inTransaction("i1", view -> { assertThat(view.linkedTaskCount("p")).isEqualTo(threads * perThread); return null; });
    }
}

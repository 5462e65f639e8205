package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The parallel checker against races planted on purpose: each must be found, shrunk to the few calls
 * that show it, and reported with its seed; the same systems made correct must pass.
 */
class PlantedRaceTest {

    /** Widens a planted race's window, so that a few repetitions show it. */
    private static void window() {
        LockSupport.parkNanos(200_000);
    }

    // ---- an unsynchronised counter ----

    interface Counter {
        int increment();
    }

    record Count(int value) {
    }

    record Increment() implements ParallelCommand<Count, Counter, Integer> {
        @Override
        public Integer perform(Counter system) {
            return system.increment();
        }

        @Override
        public Optional<Count> next(Count state, Integer answer) {
            return answer == state.value() + 1 ? Optional.of(new Count(answer)) : Optional.empty();
        }
    }

    static ParallelStateMachine<Count, Counter> counters(java.util.function.Supplier<Counter> system) {
        return new ParallelStateMachine<>() {
            public Count initialState() {
                return new Count(0);
            }

            public Counter newSystem() {
                return system.get();
            }

            public Gen<Increment> commands(Count state) {
                return source -> new Increment();
            }
        };
    }

    @Test
    void anUnsynchronisedCounterIsFoundAndShrunkToTwoIncrements() {
        PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class, () -> ParallelStatefulProperty.of(counters(() -> new Counter() {
            private int value;

            public int increment() {
                int read = value;
                window();
                value = read + 1;
                return value;
            }
        })).named("unsynchronised counter").seed(1).tries(20).check());
        assertThat(failure).as("the race is found").isNotNull();
        assertThat(failure.getMessage()).contains("unsynchronised counter", "seed 1", "no order of the concurrent calls");
        assertThat(calls(failure)).as("shrunk to two increments in two branches:%n%s", failure.shrunkCounterexample()).isEqualTo(2);
        assertThat(failure.shrunkCounterexample()).doesNotContain("branch 3");
    }

    @Test
    void anAtomicCounterPasses() {
        AtomicInteger shared = new AtomicInteger();
        long calls = ParallelStatefulProperty.of(counters(() -> {
            AtomicInteger value = new AtomicInteger();
            return () -> {
                shared.incrementAndGet();
                window();
                return value.incrementAndGet();
            };
        })).seed(1).tries(20).check();
        assertThat(calls).as("concurrent calls checked").isGreaterThanOrEqualTo(40);
        assertThat(shared.get()).as("every history ran its repetitions").isGreaterThan((int) calls);
    }

    @Test
    void theHistoriesTakeTheirShapeFromTheOptions() {
        AtomicInteger shared = new AtomicInteger();
        long calls = ParallelStatefulProperty.of(counters(() -> {
            AtomicInteger value = new AtomicInteger();
            return () -> {
                shared.incrementAndGet();
                return value.incrementAndGet();
            };
        })).seed(2).tries(30).maxBranches(2).maxPrefix(0).maxBranchSteps(1).repetitions(1).shrinkBudget(5).check();
        assertThat(calls).as("two branches of one call each, no prefix, in every history").isEqualTo(60);
        assertThat(shared.get()).as("one run of each history").isEqualTo(60);
    }

    @Test
    void optionsOutsideTheirRangeAreRefusedByName() {
        ParallelStatefulProperty<?, ?> property = ParallelStatefulProperty.of(counters(() -> () -> 1));
        assertThatThrownBy(() -> property.maxBranches(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBranches");
        assertThatThrownBy(() -> property.maxBranches(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBranches");
        assertThatThrownBy(() -> property.repetitions(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repetitions");
        assertThatThrownBy(() -> property.maxPrefix(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPrefix");
        assertThatThrownBy(() -> property.maxBranchSteps(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBranchSteps");
        assertThatThrownBy(() -> property.shrinkBudget(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shrinkBudget");
        assertThatThrownBy(() -> property.tries(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tries");
        assertThat(property.maxBranches(2).maxBranches(3).repetitions(1).maxPrefix(0).maxBranchSteps(1).shrinkBudget(0).tries(1))
                .as("each edge itself is taken").isSameAs(property);
    }

    // ---- a quota checked outside the lock ----

    interface Quota {
        boolean acquire();

        void release();
    }

    record Held(int count) {
        static final int LIMIT = 2;
    }

    record Acquire() implements ParallelCommand<Held, Quota, Boolean> {
        @Override
        public Boolean perform(Quota system) {
            return system.acquire();
        }

        @Override
        public Optional<Held> next(Held state, Boolean answer) {
            boolean allowed = state.count() < Held.LIMIT;
            return answer == allowed ? Optional.of(new Held(allowed ? state.count() + 1 : state.count())) : Optional.empty();
        }
    }

    record Release() implements ParallelCommand<Held, Quota, String> {
        @Override
        public String perform(Quota system) {
            system.release();
            return "ok";
        }

        @Override
        public Optional<Held> next(Held state, String answer) {
            return Optional.of(new Held(Math.max(0, state.count() - 1)));
        }
    }

    static ParallelStateMachine<Held, Quota> quotas(java.util.function.Supplier<Quota> system) {
        return new ParallelStateMachine<>() {
            public Held initialState() {
                return new Held(0);
            }

            public Quota newSystem() {
                return system.get();
            }

            public Gen<ParallelCommand<Held, Quota, ?>> commands(Held state) {
                return source -> source.drawUniform(3) == 0 ? new Release() : new Acquire();
            }
        };
    }

    @Test
    void aQuotaCheckedOutsideTheLockIsFoundAndShrunkToOneAcquireMoreThanTheLimit() {
        PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class, () -> ParallelStatefulProperty.of(quotas(() -> new Quota() {
            private final AtomicInteger held = new AtomicInteger();

            public boolean acquire() {
                if (held.get() < Held.LIMIT) {
                    // wider than window(): three calls must overlap, and each smaller history must show it again to be kept
                    LockSupport.parkNanos(1_000_000);
                    held.incrementAndGet();
                    return true;
                }
                return false;
            }

            public void release() {
                held.updateAndGet(n -> Math.max(0, n - 1));
            }
        })).named("quota checked outside its lock").seed(2).tries(30).check());
        assertThat(failure).as("the race is found").isNotNull();
        assertThat(failure.shrunkCounterexample()).as("no release is needed to show it").doesNotContain("Release");
        assertThat(calls(failure)).as("the limit plus one acquires:%n%s", failure.shrunkCounterexample()).isEqualTo(Held.LIMIT + 1);
    }

    @Test
    void aQuotaCheckedUnderItsLockPasses() {
        assertThat(ParallelStatefulProperty.of(quotas(() -> new Quota() {
            private int held;

            public synchronized boolean acquire() {
                if (held < Held.LIMIT) {
                    window();
                    held++;
                    return true;
                }
                return false;
            }

            public synchronized void release() {
                held = Math.max(0, held - 1);
            }
        })).seed(2).tries(30).check()).isPositive();
    }

    // ---- check-then-act on a client token ----

    interface Tokens {
        String start(String token);
    }

    record Issued(Map<String, String> byToken, int drawn) {
    }

    record Start(String token) implements ParallelCommand<Issued, Tokens, String> {
        @Override
        public String perform(Tokens system) {
            return system.start(token);
        }

        @Override
        public Optional<Issued> next(Issued state, String answer) {
            String known = state.byToken().get(token);
            if (known != null) {
                return answer.equals(known) ? Optional.of(state) : Optional.empty();
            }
            if (state.byToken().containsValue(answer)) {
                return Optional.empty();
            }
            Map<String, String> next = new HashMap<>(state.byToken());
            next.put(token, answer);
            return Optional.of(new Issued(Map.copyOf(next), state.drawn() + 1));
        }
    }

    static ParallelStateMachine<Issued, Tokens> tokens(java.util.function.Supplier<Tokens> system) {
        return new ParallelStateMachine<>() {
            public Issued initialState() {
                return new Issued(Map.of(), 0);
            }

            public Tokens newSystem() {
                return system.get();
            }

            public Gen<Start> commands(Issued state) {
                return source -> new Start("token-" + source.draw(2));
            }
        };
    }

    @Test
    void aCheckThenActOnAClientTokenIsFoundAndShrunkToTwoStartsWithOneToken() {
        PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class, () -> ParallelStatefulProperty.of(tokens(() -> new Tokens() {
            private final Map<String, String> ids = new ConcurrentHashMap<>();
            private final AtomicInteger next = new AtomicInteger();

            public String start(String token) {
                String known = ids.get(token);
                if (known != null) {
                    return known;
                }
                window();
                String id = "c-" + next.incrementAndGet();
                ids.put(token, id);
                return id;
            }
        })).named("token check-then-act").seed(3).tries(30).check());
        assertThat(failure).as("the race is found").isNotNull();
        assertThat(calls(failure)).as("two starts:%n%s", failure.shrunkCounterexample()).isEqualTo(2);
        assertThat(failure.shrunkCounterexample()).as("with the simplest token").contains("Start[token=token-0]").doesNotContain("token-1");
    }

    @Test
    void aPutIfAbsentOnAClientTokenPasses() {
        assertThat(ParallelStatefulProperty.of(tokens(() -> new Tokens() {
            private final Map<String, String> ids = new ConcurrentHashMap<>();
            private final AtomicInteger next = new AtomicInteger();

            public String start(String token) {
                return ids.computeIfAbsent(token, t -> {
                    window();
                    return "c-" + next.incrementAndGet();
                });
            }
        })).seed(3).tries(30).check()).isPositive();
    }

    /** The calls a report's shrunk history holds: its prefix steps and branch calls, one per line with an answer. */
    private static long calls(PropertyFailedError failure) {
        return failure.shrunkCounterexample().lines().filter(line -> line.contains(" -> ")).count();
    }
}

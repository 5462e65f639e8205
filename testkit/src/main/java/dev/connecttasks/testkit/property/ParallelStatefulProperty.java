package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parallel state-machine testing: each history is a sequential prefix and two or three short
 * branches of commands; the branches run on real threads, released together, against the system;
 * every call's invocation, response and answer are recorded; and {@link Linearization} searches for
 * an order of the calls, consistent with real time, in which the model allows every answer. A
 * history is run {@code repetitions} times (a race needs luck to show), and one that no order
 * explains is shrunk (fewer and simpler commands, fewer branches; each candidate again given
 * every repetition) and reported with its seed.
 */
public final class ParallelStatefulProperty<M, S> {

    private static final long BRANCH_TIMEOUT_SECONDS = 60;

    private final ParallelStateMachine<M, S> machine;
    private int tries = 50;
    private int repetitions = 10;
    private int maxPrefix = 6;
    private int maxBranches = 3;
    private int maxBranchSteps = 4;
    private Long seed;
    private String name;
    private int shrinkBudget = 1_000;

    private ParallelStatefulProperty(ParallelStateMachine<M, S> machine) {
        this.machine = machine;
    }

    public static <M, S> ParallelStatefulProperty<M, S> of(ParallelStateMachine<M, S> machine) {
        return new ParallelStatefulProperty<>(machine);
    }

    /** Histories generated (default 50; {@code -Dproperty.tries} scales it as for every property). */
    public ParallelStatefulProperty<M, S> tries(int value) {
        this.tries = atLeast(1, value, "tries");
        return this;
    }

    /** Runs of each history, the first included, before it counts as passing (default 10). */
    public ParallelStatefulProperty<M, S> repetitions(int value) {
        this.repetitions = atLeast(1, value, "repetitions");
        return this;
    }

    /** The most commands of the sequential prefix (default 6). */
    public ParallelStatefulProperty<M, S> maxPrefix(int value) {
        this.maxPrefix = atLeast(0, value, "maxPrefix");
        return this;
    }

    /** 2 or 3 (default 3): the most branches run at once. */
    public ParallelStatefulProperty<M, S> maxBranches(int value) {
        if (value < 2 || value > 3) {
            throw new IllegalArgumentException("maxBranches must be 2 or 3, not " + value);
        }
        this.maxBranches = value;
        return this;
    }

    /** The most commands of one branch (default 4). */
    public ParallelStatefulProperty<M, S> maxBranchSteps(int value) {
        this.maxBranchSteps = atLeast(1, value, "maxBranchSteps");
        return this;
    }

    public ParallelStatefulProperty<M, S> seed(long value) {
        this.seed = value;
        return this;
    }

    public ParallelStatefulProperty<M, S> named(String value) {
        this.name = value;
        return this;
    }

    /** The most replays shrinking may spend, each of up to {@code repetitions} runs (default 1,000). */
    public ParallelStatefulProperty<M, S> shrinkBudget(int replays) {
        this.shrinkBudget = atLeast(0, replays, "shrinkBudget");
        return this;
    }

    /** Runs the histories; returns how many concurrent calls were checked in all, so a caller can assert the run was not vacuous. */
    public long check() {
        String propertyName = name != null ? name : Seeds.callerName();
        long effectiveSeed = Seeds.resolve(propertyName, seed);
        int effectiveTries = Seeds.tries(tries);
        SplittableRandom master = new SplittableRandom(effectiveSeed);
        ExecutorService threads = Executors.newFixedThreadPool(maxBranches, runnable -> {
            Thread thread = new Thread(runnable, "parallel-branch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long calls = 0;
            for (int t = 1; t <= effectiveTries; t++) {
                RandomSource source = new RandomSource(master.nextLong());
                History<M> first = execute(source, threads);
                calls += first.concurrentCalls();
                History<M> failing = first.failure() != null ? first : repeat(Shrinker.values(source.recorded()), repetitions - 1, threads, null);
                if (failing != null) {
                    throw report(propertyName, effectiveSeed, t, failing, threads);
                }
            }
            return calls;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Replays the choices up to {@code runs} times; the first failing run (of {@code kind}, when given), or null. */
    private History<M> repeat(List<Long> values, int runs, ExecutorService threads, Class<?> kind) {
        for (int r = 0; r < runs; r++) {
            ReplaySource source = new ReplaySource(values);
            History<M> run = execute(source, threads);
            if (run.failure() != null && (kind == null || run.failure().getClass() == kind)) {
                return run.withChoices(source.recorded());
            }
        }
        return null;
    }

    private PropertyFailedError report(String propertyName, long effectiveSeed, int tryNumber, History<M> original, ExecutorService threads) {
        Class<?> kind = original.failure().getClass();
        // The run that last failed is the minimal history's own: a race need not show again in one more replay of it,
        // and replaying it anew could lose every shrink to one run of bad luck.
        java.util.concurrent.atomic.AtomicReference<History<M>> lastFailing = new java.util.concurrent.atomic.AtomicReference<>(original);
        Shrinker shrinker = new Shrinker(values -> {
            History<M> failing = repeat(values, repetitions, threads, kind);
            if (failing != null) {
                lastFailing.set(failing);
            }
            return Optional.ofNullable(failing).map(History::choices);
        }, shrinkBudget);
        List<Choice> minimal = shrinker.shrink(original.choices());
        History<M> shrunk = lastFailing.get().choices().equals(minimal) ? lastFailing.get()
                : Optional.ofNullable(repeat(Shrinker.values(minimal), repetitions, threads, kind)).orElse(original);
        String counterexample = shrunk.describe();
        String message = "Parallel property " + propertyName + " falsified on history " + tryNumber
                + " (seed " + effectiveSeed + "; replay with -D" + Seeds.SEED_PROPERTY + "=" + effectiveSeed + ")\n"
                + "Original history: " + original.size() + " calls; shrunk to " + shrunk.size() + " calls in " + shrunk.branchCount()
                + " branches (" + shrinker.accepted() + " shrinks, " + shrinker.runs() + " replays):\n"
                + counterexample
                + "Failure: " + shrunk.failure().getMessage();
        return new PropertyFailedError(message, effectiveSeed, counterexample, shrunk.failure());
    }

    private History<M> execute(RecordingSource source, ExecutorService threads) {
        List<String> prefix = new ArrayList<>();
        List<List<Linearization.Call<M, ?, ?>>> branches = new ArrayList<>();
        S system = null;
        Throwable failure = null;
        try {
            system = machine.newSystem();
            M state = machine.initialState();
            while (prefix.size() < maxPrefix && source.drawUniform(3) != 0) {
                ParallelCommand<M, S, ?> command = machine.commands(state).generate(source);
                Prefix<M> step = runPrefixStep(command, state, machine.forBranch(system, -1));
                prefix.add(step.line());
                state = step.next().orElseThrow(() -> new AssertionError("the model does not allow answer " + step.line()
                        + " after the prefix's earlier steps"));
            }
            int branchCount = 2 + (int) source.draw(maxBranches - 2);
            List<List<ParallelCommand<M, S, ?>>> commands = new ArrayList<>();
            for (int b = 0; b < branchCount; b++) {
                List<ParallelCommand<M, S, ?>> branch = new ArrayList<>();
                do {
                    branch.add(machine.branchCommands(state).generate(source));
                } while (branch.size() < maxBranchSteps && source.drawUniform(2) != 0);
                commands.add(branch);
            }
            branches = runBranches(commands, system, threads);
            List<Linearization.Call<M, ?, ?>> calls = branches.stream().flatMap(List::stream).toList();
            if (Linearization.find(state, calls).isEmpty()) {
                failure = new NotLinearizable("no order of the concurrent calls, consistent with real time, explains their answers");
            }
        } catch (Throwable t) {
            failure = RunEndings.failureOf(t);
        }
        S opened = system;
        failure = RunEndings.unlessAborted(RunEndings.closed(opened != null, () -> machine.close(opened), failure));
        return new History<>(prefix, branches, failure, source.recorded());
    }

    private record Prefix<M>(String line, Optional<M> next) {
    }

    private static <M, S, R> Prefix<M> runPrefixStep(ParallelCommand<M, S, R> command, M state, S system) throws Exception {
        R answer = command.perform(system);
        return new Prefix<>(command + " -> " + answer, command.next(state, answer));
    }

    private List<List<Linearization.Call<M, ?, ?>>> runBranches(List<List<ParallelCommand<M, S, ?>>> commands, S system, ExecutorService threads)
            throws Exception {
        AtomicLong ticks = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Linearization.Call<M, ?, ?>>>> running = new ArrayList<>();
        for (int b = 0; b < commands.size(); b++) {
            int branch = b;
            S target = machine.forBranch(system, b);
            running.add(threads.submit(() -> {
                go.await();
                List<Linearization.Call<M, ?, ?>> calls = new ArrayList<>();
                for (ParallelCommand<M, S, ?> command : commands.get(branch)) {
                    calls.add(call(branch, command, target, ticks));
                }
                return calls;
            }));
        }
        go.countDown();
        List<List<Linearization.Call<M, ?, ?>>> branches = new ArrayList<>();
        for (Future<List<Linearization.Call<M, ?, ?>>> branch : running) {
            try {
                branches.add(branch.get(BRANCH_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                running.forEach(f -> f.cancel(true));
                throw new AssertionError("a branch did not finish within " + BRANCH_TIMEOUT_SECONDS + " s: a deadlock?");
            }
        }
        return branches;
    }

    private static <M, S, R> Linearization.Call<M, S, R> call(int branch, ParallelCommand<M, S, R> command, S system, AtomicLong ticks)
            throws Exception {
        long invoked = ticks.getAndIncrement();
        R answer = command.perform(system);
        long returned = ticks.getAndIncrement();
        return new Linearization.Call<>(branch, command, answer, invoked, returned);
    }

    private static int atLeast(int min, int value, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** No order explains the answers: the history is not linearizable. */
    static final class NotLinearizable extends AssertionError {

        private static final long serialVersionUID = 1L;

        NotLinearizable(String message) {
            super(message);
        }
    }

    private record History<M>(List<String> prefix, List<List<Linearization.Call<M, ?, ?>>> branches, Throwable failure, List<Choice> choices) {

        History<M> withChoices(List<Choice> recorded) {
            return new History<>(prefix, branches, failure, recorded);
        }

        int concurrentCalls() {
            return branches.stream().mapToInt(List::size).sum();
        }

        int size() {
            return prefix.size() + concurrentCalls();
        }

        int branchCount() {
            return branches.size();
        }

        String describe() {
            StringBuilder out = new StringBuilder("  prefix:\n");
            for (int i = 0; i < prefix.size(); i++) {
                out.append("    ").append(i + 1).append(". ").append(prefix.get(i)).append('\n');
            }
            for (int b = 0; b < branches.size(); b++) {
                out.append("  branch ").append(b + 1).append(":\n");
                for (Linearization.Call<M, ?, ?> call : branches.get(b)) {
                    out.append("    ").append(call).append("   [").append(call.invoked()).append("..").append(call.returned()).append("]\n");
                }
            }
            return out.toString();
        }
    }
}

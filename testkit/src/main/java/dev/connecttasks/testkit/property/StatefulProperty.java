package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs random command sequences against a system and its model. Generation is interleaved with
 * execution, so each command is drawn from the state reached so far; a failure is shrunk by
 * shrinking the recorded choices, which removes and simplifies steps, and the report prints the
 * seed and the minimal steps.
 */
public final class StatefulProperty<M, S> {

    private static final int PRECONDITION_RETRIES = 100;

    private final StateMachine<M, S> machine;
    private int tries = 100;
    private int maxSteps = 50;
    private Long seed;
    private String name;
    private int shrinkBudget = 5_000;

    private StatefulProperty(StateMachine<M, S> machine) {
        this.machine = machine;
    }

    public static <M, S> StatefulProperty<M, S> of(StateMachine<M, S> machine) {
        return new StatefulProperty<>(machine);
    }

    public StatefulProperty<M, S> tries(int tries) {
        this.tries = tries;
        return this;
    }

    public StatefulProperty<M, S> maxSteps(int maxSteps) {
        this.maxSteps = maxSteps;
        return this;
    }

    public StatefulProperty<M, S> seed(long seed) {
        this.seed = seed;
        return this;
    }

    public StatefulProperty<M, S> named(String name) {
        this.name = name;
        return this;
    }

    public StatefulProperty<M, S> shrinkBudget(int replays) {
        this.shrinkBudget = replays;
        return this;
    }

    /** Runs the sequences; returns how many steps ran in all, so a caller can assert the run was not vacuous. */
    public long check() {
        String propertyName = name != null ? name : Seeds.callerName();
        long effectiveSeed = Seeds.resolve(propertyName, seed);
        int effectiveTries = Seeds.tries(tries);
        SplittableRandom master = new SplittableRandom(effectiveSeed);
        long totalSteps = 0;
        for (int t = 1; t <= effectiveTries; t++) {
            RandomSource source = new RandomSource(master.nextLong());
            Run run = execute(source);
            totalSteps += run.steps().size();
            if (run.failure() != null) {
                throw report(propertyName, effectiveSeed, t, run, source.recorded());
            }
        }
        return totalSteps;
    }

    private PropertyFailedError report(String propertyName, long effectiveSeed, int tryNumber, Run original, List<Choice> choices) {
        Class<?> kind = original.failure().getClass();
        Shrinker shrinker = new Shrinker(values -> replay(values, kind).map(Run::choices), shrinkBudget);
        List<Choice> minimal = shrinker.shrink(choices);
        Run shrunk = replay(Shrinker.values(minimal), kind)
                .orElseThrow(() -> new IllegalStateException("the shrunk sequence no longer fails on replay"));
        String steps = numbered(shrunk.steps());
        String message = "Stateful property " + propertyName + " falsified on sequence " + tryNumber
                + " (seed " + effectiveSeed + "; replay with -D" + Seeds.SEED_PROPERTY + "=" + effectiveSeed + ")\n"
                + "Original sequence: " + original.steps().size() + " steps\n"
                + "Shrunk to " + shrunk.steps().size() + " steps (" + shrinker.accepted() + " shrinks, " + shrinker.runs() + " replays):\n"
                + steps
                + "Failure: " + shrunk.failure();
        return new PropertyFailedError(message, effectiveSeed, steps, shrunk.failure());
    }

    private Optional<Run> replay(List<Long> values, Class<?> kind) {
        ReplaySource source = new ReplaySource(values);
        Run run = execute(source);
        if (run.failure() == null || run.failure().getClass() != kind) {
            return Optional.empty();
        }
        return Optional.of(new Run(run.steps(), run.failure(), source.recorded()));
    }

    private Run execute(RecordingSource source) {
        List<String> steps = new ArrayList<>();
        S system = null;
        Throwable failure = null;
        try {
            system = machine.newSystem();
            M state = machine.initialState();
            machine.invariants(state, system);
            int refused = 0;
            while (steps.size() < maxSteps && source.drawUniform(maxSteps) != 0) {
                Command<M, S> command = machine.commands(state).generate(source);
                if (!command.precondition(state)) {
                    if (++refused > PRECONDITION_RETRIES) {
                        break;
                    }
                    continue;
                }
                steps.add(String.valueOf(command));
                state = command.run(state, system);
                machine.invariants(state, system);
            }
        } catch (Throwable t) {
            failure = RunEndings.failureOf(t);
        }
        S opened = system;
        failure = RunEndings.unlessAborted(RunEndings.closed(opened != null, () -> machine.close(opened), failure));
        return new Run(steps, failure, source.recorded());
    }

    private static String numbered(List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return out.toString();
    }

    private record Run(List<String> steps, Throwable failure, List<Choice> choices) {
    }
}

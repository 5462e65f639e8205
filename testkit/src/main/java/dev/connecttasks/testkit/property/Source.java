package dev.connecttasks.testkit.property;

/**
 * The only way a generator touches randomness. Every draw is recorded, which is what lets the
 * engine shrink a failure by editing the recorded choices and replaying them: smaller choices
 * mean simpler values, whatever the generator built from them.
 */
public interface Source {

    /** A value in {@code [0, max]}, biased towards the edges (0, max and small values) when fresh. */
    long draw(long max);

    /** A value in {@code [0, max]} without edge bias: for decisions such as "one more element?". */
    long drawUniform(long max);

    /**
     * A fresh draw returns {@code preferred}; a replay returns what was recorded. Structure that a
     * generator chooses on purpose (a list at its maximum size, say) is thereby still recorded as
     * ordinary choices, so shrinking can edit it like any other.
     */
    long drawPreferring(long max, long preferred);

    /** How many choices this source has handed out: where a span that {@link #deletable} marks begins. */
    default int position() {
        return 0;
    }

    /**
     * Marks the choices drawn since {@code from} (a {@link #position}) as one unit that shrinking may
     * delete whole: a list element with its "one more?" choice, a map entry. Without such marks a
     * unit of more choices than a fixed chunk is never deleted at once. Sources that do not shrink ignore it.
     */
    default void deletable(int from) {
    }
}

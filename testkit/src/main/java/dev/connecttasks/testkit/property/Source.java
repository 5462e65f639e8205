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
}

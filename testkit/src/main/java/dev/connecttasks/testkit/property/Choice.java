package dev.connecttasks.testkit.property;

/** One recorded random decision: the value drawn and the largest value that draw allowed. */
public record Choice(long value, long max) {
    public Choice {
        if (max < 0 || value < 0 || value > max) {
            throw new IllegalArgumentException("choice " + value + " outside [0, " + max + "]");
        }
    }
}

package dev.connecttasks.testkit.property;

/** A falsified property: the message carries the seed, the original and the shrunk counterexample. */
public final class PropertyFailedError extends AssertionError {

    private final long seed;
    private final String shrunk;

    PropertyFailedError(String message, long seed, String shrunk, Throwable cause) {
        super(message, cause);
        this.seed = seed;
        this.shrunk = shrunk;
    }

    public long seed() {
        return seed;
    }

    /** The minimal counterexample as the report prints it. */
    public String shrunkCounterexample() {
        return shrunk;
    }
}

package dev.connecttasks.testkit.property;

/** Generation asked for more choices than a run may make; the run is discarded, never reported. */
public final class Overrun extends RuntimeException {
    Overrun(int limit) {
        super("generation used more than " + limit + " random choices", null, false, false);
    }
}

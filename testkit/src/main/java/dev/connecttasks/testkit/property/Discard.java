package dev.connecttasks.testkit.property;

/** A filter found no acceptable value within its retry bound; the try is discarded, not failed. */
public final class Discard extends RuntimeException {
    public Discard(String why) {
        super(why, null, false, false);
    }
}

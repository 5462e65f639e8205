package dev.connecttasks.domain.policy;

/** A token bucket's shape: refilled at {@code perSecond}, holding at most {@code burst} tokens. */
public record RatePolicy(int perSecond, int burst) {
    public RatePolicy {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be > 0, were " + perSecond + " and " + burst);
        }
    }
}

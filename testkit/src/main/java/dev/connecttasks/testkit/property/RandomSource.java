package dev.connecttasks.testkit.property;

import java.util.SplittableRandom;

/** Fresh choices from a seeded generator, with a bias to the edges where bugs live. */
final class RandomSource extends RecordingSource {

    private final SplittableRandom random;

    RandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    boolean isReplay() {
        return false;
    }

    @Override
    long next(long max, boolean biased) {
        if (max == 0) {
            return 0;
        }
        if (biased) {
            int edge = random.nextInt(20);
            switch (edge) {
                case 0: return 0;
                case 1: return max;
                case 2: return Math.min(1, max);
                case 3: return max - 1;
                case 4: return random.nextLong(Math.min(max, 16) + 1);
                default: break;
            }
        }
        return max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    }
}

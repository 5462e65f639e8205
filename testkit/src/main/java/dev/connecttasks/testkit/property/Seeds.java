package dev.connecttasks.testkit.property;

import java.util.SplittableRandom;

/**
 * Where a property's seed and try count come from. By default each property has a fixed seed
 * derived from its name, so CI is repeatable; {@code -Dproperty.seed=N} replays a reported seed,
 * {@code -Dproperty.seed=random} explores, {@code -Dproperty.tries=N} overrides every try count.
 */
public final class Seeds {

    public static final String SEED_PROPERTY = "property.seed";
    public static final String TRIES_PROPERTY = "property.tries";

    private Seeds() {
    }

    static long resolve(String propertyName, Long explicit) {
        String configured = System.getProperty(SEED_PROPERTY, "").trim();
        if (configured.equalsIgnoreCase("random")) {
            return new SplittableRandom().nextLong();
        }
        if (!configured.isEmpty()) {
            try {
                return Long.parseLong(configured);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long or 'random', was '" + configured + "'", e);
            }
        }
        return explicit != null ? explicit : fixedSeedFor(propertyName);
    }

    static int tries(int declared) {
        String configured = System.getProperty(TRIES_PROPERTY, "").trim();
        if (configured.isEmpty()) {
            return declared;
        }
        try {
            int tries = Integer.parseInt(configured);
            if (tries < 1) {
                throw new IllegalArgumentException("-D" + TRIES_PROPERTY + " must be >= 1, was " + tries);
            }
            return tries;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + TRIES_PROPERTY + " must be an integer, was '" + configured + "'", e);
        }
    }

    /** A stable 64-bit hash of the name (FNV-1a), so the default seed never changes between runs or JDKs. */
    static long fixedSeedFor(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** {@code SimpleClassName#method} of the first caller outside this package: the property's default name. */
    static String callerName() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(Seeds.class.getPackageName() + "."))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "#" + f.getMethodName())
                .orElse("property"));
    }
}

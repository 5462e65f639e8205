package dev.connecttasks.testkit.property;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Where a property's seed and try count come from. By default each property has a fixed seed
 * derived from its name, so CI is repeatable; {@code -Dproperty.seed=N} replays a reported seed,
 * {@code -Dproperty.seed=random} explores, {@code -Dproperty.tries=N} overrides every try count,
 * {@code -Dproperty.tries.max=N} caps each at N (the mutation runs: a property that races 24
 * threads keeps its 10 tries, one that declares 500 runs 40).
 */
public final class Seeds {

    public static final String SEED_PROPERTY = "property.seed";
    public static final String TRIES_PROPERTY = "property.tries";
    public static final String MAX_TRIES_PROPERTY = "property.tries.max";

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

    /** The tries a property declaring {@code declared} runs in this JVM (after -Dproperty.tries and -Dproperty.tries.max). */
    public static int tries(int declared) {
        int tries = configured(TRIES_PROPERTY).orElse(declared);
        return Math.min(tries, configured(MAX_TRIES_PROPERTY).orElse(Integer.MAX_VALUE));
    }

    private static OptionalInt configured(String property) {
        String configured = System.getProperty(property, "").trim();
        if (configured.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int tries = Integer.parseInt(configured);
            if (tries < 1) {
                throw new IllegalArgumentException("-D" + property + " must be >= 1, was " + tries);
            }
            return OptionalInt.of(tries);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be an integer, was '" + configured + "'", e);
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

    /**
     * The property's name for its report: the test method that runs it, found as the first caller
     * outside the engine carrying a test annotation (JUnit's {@code @Test}, {@code @ParameterizedTest},
     * ...); failing that the first caller that is no lambda, or the method a lambda was written in.
     */
    static String callerName() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(stream -> stream
                .filter(f -> !f.getClassName().startsWith(Seeds.class.getPackageName() + ".")).toList());
        return frames.stream().filter(Seeds::isTestMethod).findFirst()
                .or(() -> frames.stream().filter(f -> !f.getMethodName().startsWith("lambda$") && !isLibrary(f.getClassName())).findFirst())
                .or(() -> frames.stream().findFirst())
                .map(f -> simpleName(f.getDeclaringClass()) + "#" + writtenIn(f.getMethodName()))
                .orElse("property");
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        try {
            return java.util.Arrays.stream(frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(),
                    frame.getMethodType().parameterArray()).getAnnotations())
                    .anyMatch(a -> a.annotationType().getSimpleName().matches("Test|ParameterizedTest|RepeatedTest|TestTemplate|TestFactory"));
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    private static boolean isLibrary(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("org.junit.")
                || className.startsWith("org.assertj.") || className.startsWith("org.apache.");
    }

    /** {@code lambda$method$3} was written in {@code method}. */
    private static String writtenIn(String methodName) {
        if (methodName.startsWith("lambda$")) {
            String[] parts = methodName.split("\\$");
            return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : methodName;
        }
        return methodName;
    }

    private static String simpleName(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer == type ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}

package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Generator factories and combinators. Every value shrinks towards the first/smallest option. */
public final class Gens {

    /** Geometric "one more element?" draws aim at this many extra elements on average. */
    private static final int DEFAULT_AVERAGE_EXTRA = 8;
    /** A list first draws a mode: 0 = exactly the minimum size, MODES = exactly the maximum. */
    private static final int MODES = 15;

    private Gens() {
    }

    public static <T> Gen<T> constant(T value) {
        return source -> value;
    }

    public static Gen<Long> longs(long min, long max) {
        requireRange(min, max);
        long span = Math.subtractExact(max, min);
        return source -> min + source.draw(span);
    }

    public static Gen<Integer> integers(int min, int max) {
        requireRange(min, max);
        return longs(min, max).map(Long::intValue);
    }

    public static Gen<Boolean> booleans() {
        return source -> source.draw(1) == 1;
    }

    @SafeVarargs
    public static <T> Gen<T> elements(T... values) {
        return elements(Arrays.asList(values));
    }

    public static <T> Gen<T> elements(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("elements needs at least one value");
        }
        List<T> copy = List.copyOf(values);
        return source -> copy.get((int) source.draw(copy.size() - 1L));
    }

    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one generator");
        }
        return source -> copy.get((int) source.draw(copy.size() - 1L)).generate(source);
    }

    /** A weighted choice; shrinks towards the first entry. */
    public static <T> Gen<T> frequency(List<Weighted<T>> weighted) {
        List<Weighted<T>> copy = List.copyOf(weighted);
        long total = copy.stream().mapToLong(Weighted::weight).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("frequency needs a positive total weight");
        }
        return source -> {
            long pick = source.drawUniform(total - 1);
            for (Weighted<T> entry : copy) {
                if (pick < entry.weight()) {
                    return entry.gen().generate(source);
                }
                pick -= entry.weight();
            }
            throw new IllegalStateException("unreachable: pick beyond total weight");
        };
    }

    public static <T> Weighted<T> weighted(int weight, Gen<T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One entry of {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<T> gen) {
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("weight must be >= 0");
            }
            Objects.requireNonNull(gen);
        }
    }

    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        return lists(element, minSize, maxSize, DEFAULT_AVERAGE_EXTRA);
    }

    /**
     * Lists whose size is min, max or geometric around {@code min + averageExtra}. Each element
     * beyond the minimum is preceded by its own "more" choice, so deleting a chunk of choices
     * deletes whole elements when shrinking.
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize, int averageExtra) {
        requireRange(minSize, maxSize);
        if (minSize < 0) {
            throw new IllegalArgumentException("minSize must be >= 0");
        }
        int average = Math.max(1, averageExtra);
        return source -> {
            // the mode only steers fresh draws (empty-most, full, or geometric); replays follow the recorded "more" choices
            long mode = source.draw(MODES);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < minSize; i++) {
                int from = source.position();
                out.add(element.generate(source));
                source.deletable(from);
            }
            while (out.size() < maxSize) {
                // the element's "more" choice and its own choices are one unit for shrinking to delete
                int from = source.position();
                if (!more(source, mode, average)) {
                    break;
                }
                out.add(element.generate(source));
                source.deletable(from);
            }
            full(source, out.size(), maxSize);
            return Collections.unmodifiableList(out);
        };
    }

    /**
     * A full collection draws no "more" choice to end it; it records a 0 there instead, which a
     * collection made shorter by shrinking then reads as its end: without it, deleting an element
     * of a full list made the list read the next value's choices as elements of its own.
     */
    private static void full(Source source, int size, int maxSize) {
        if (size >= maxSize) {
            source.draw(0);
        }
    }

    private static boolean more(Source source, long mode, int average) {
        if (mode == 0) {
            return source.drawPreferring(average, 0) != 0;
        }
        if (mode == MODES) {
            return source.drawPreferring(average, 1) != 0;
        }
        return source.drawUniform(average) != 0;
    }

    /**
     * Maps with distinct keys, sized as {@link #lists} are; a duplicate key is drawn again, a bounded
     * number of times. Each entry (its "more" choice, key and value) is one unit for shrinking to delete.
     */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        requireRange(minSize, maxSize);
        if (minSize < 0) {
            throw new IllegalArgumentException("minSize must be >= 0");
        }
        return source -> {
            long mode = source.draw(MODES);
            Map<K, V> out = new LinkedHashMap<>();
            int misses = 0;
            while (out.size() < maxSize) {
                int from = source.position();
                if (out.size() >= minSize && !more(source, mode, DEFAULT_AVERAGE_EXTRA)) {
                    break;
                }
                K key = keys.generate(source);
                if (out.containsKey(key)) {
                    if (++misses > Gen.FILTER_RETRIES) {
                        if (out.size() >= minSize) {
                            break;
                        }
                        throw new Discard("could not find " + minSize + " distinct keys");
                    }
                    continue;
                }
                out.put(key, values.generate(source));
                source.deletable(from);
            }
            full(source, out.size(), maxSize);
            return Collections.unmodifiableMap(out);
        };
    }

    /** Strings over the given characters; shrinks towards shorter strings of the first character. */
    public static Gen<String> strings(String characters, int minLength, int maxLength) {
        if (characters.isEmpty()) {
            throw new IllegalArgumentException("strings needs at least one character");
        }
        int[] codePoints = characters.codePoints().toArray();
        Gen<Integer> codePoint = elements(Arrays.stream(codePoints).boxed().toList());
        return lists(codePoint, minLength, maxLength, Math.min(DEFAULT_AVERAGE_EXTRA * 2, Math.max(1, maxLength)))
                .map(Gens::join);
    }

    /** All characters from {@code first} to {@code last} inclusive, for use with {@link #strings}. */
    public static String range(char first, char last) {
        StringBuilder out = new StringBuilder();
        for (char c = first; c <= last; c++) {
            out.append(c);
        }
        return out.toString();
    }

    /** The null-free way to say "maybe": empty shrinks first. */
    public static <T> Gen<java.util.Optional<T>> optionals(Gen<T> gen) {
        return source -> source.draw(1) == 0 ? java.util.Optional.empty() : java.util.Optional.of(gen.generate(source));
    }

    public static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, Combine2<A, B, R> f) {
        return source -> f.apply(a.generate(source), b.generate(source));
    }

    public static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Combine3<A, B, C, R> f) {
        return source -> f.apply(a.generate(source), b.generate(source), c.generate(source));
    }

    public static <A, B, C, D, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Combine4<A, B, C, D, R> f) {
        return source -> f.apply(a.generate(source), b.generate(source), c.generate(source), d.generate(source));
    }

    @FunctionalInterface
    public interface Combine2<A, B, R> {
        R apply(A a, B b);
    }

    @FunctionalInterface
    public interface Combine3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    @FunctionalInterface
    public interface Combine4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    private static String join(List<Integer> codePoints) {
        StringBuilder out = new StringBuilder(codePoints.size());
        codePoints.forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void requireRange(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }
}

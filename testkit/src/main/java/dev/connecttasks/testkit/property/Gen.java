package dev.connecttasks.testkit.property;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a plain function from a source of random choices to a value. Because it is a plain
 * function, a team using another engine can wrap it; shrinking needs nothing from the generator.
 */
@FunctionalInterface
public interface Gen<T> {

    int FILTER_RETRIES = 100;

    T generate(Source source);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return source -> mapper.apply(generate(source));
    }

    /** Dependent generation: the next generator is chosen from this one's value. */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> next) {
        return source -> next.apply(generate(source)).generate(source);
    }

    /** Keeps values that pass; after {@value #FILTER_RETRIES} rejections the try is discarded. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return source -> {
            for (int attempt = 0; attempt < FILTER_RETRIES; attempt++) {
                T value = generate(source);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new Discard("filter rejected " + FILTER_RETRIES + " values in a row");
        };
    }
}

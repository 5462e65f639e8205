package dev.connecttasks.testkit.support;

import dev.connecttasks.application.port.out.IdSource;
import java.util.concurrent.atomic.AtomicLong;

/** Ids {@code prefix-1}, {@code prefix-2}, ...: predictable, so a model can name the next one. */
public final class SequentialIds implements IdSource {

    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    public SequentialIds(String prefix) {
        this.prefix = prefix;
    }

    public static String nth(String prefix, long n) {
        return prefix + "-" + n;
    }

    @Override
    public String newId() {
        return nth(prefix, next.incrementAndGet());
    }
}

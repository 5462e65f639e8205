package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.IdSource;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Random (version 4) UUID strings, as the service's ids are, each thread drawing from its own
 * {@link SecureRandom}. {@link UUID#randomUUID()} draws every id from one NativePRNG behind a lock:
 * with 16 clients starting tasks over HTTP, threads queuing on that lock took about a tenth of the
 * CPU of a StartTaskContact (two ids a request: the contact's and the response's request id).
 */
final class SecureRandomUuids implements IdSource {

    /** Ids drawn per call to the generator: each call costs a few hashes whatever its length, so one call serves 32 ids. */
    private static final int IDS_PER_DRAW = 32;
    private static final ThreadLocal<Draws> DRAWS = ThreadLocal.withInitial(Draws::new);

    @Override
    public String newId() {
        return next().toString();
    }

    static UUID next() {
        byte[] bytes = DRAWS.get().next16();
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** One thread's generator and the bytes it has drawn but not yet used. */
    private static final class Draws {
        private final SecureRandom random = seeded();
        private final byte[] drawn = new byte[16 * IDS_PER_DRAW];
        private int used = drawn.length;

        byte[] next16() {
            if (used == drawn.length) {
                random.nextBytes(drawn);
                used = 0;
            }
            byte[] bytes = Arrays.copyOfRange(drawn, used, used + 16);
            used += 16;
            return bytes;
        }
    }

    /** A DRBG seeded from the system's entropy source, as {@code new SecureRandom()} would be, but with no lock shared between threads. */
    private static SecureRandom seeded() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 9 has DRBG", e);
        }
    }
}

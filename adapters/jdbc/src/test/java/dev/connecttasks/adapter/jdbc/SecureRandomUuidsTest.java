package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The JDBC service's default ids: canonical random UUIDs, never repeating, also when threads draw at once. */
class SecureRandomUuidsTest {

    private final SecureRandomUuids ids = new SecureRandomUuids();

    @Test
    void everyIdIsACanonicalVersionFourUuid() {
        for (int i = 0; i < 10_000; i++) {
            String id = ids.newId();
            UUID parsed = UUID.fromString(id);
            assertThat(id).hasSize(36).isEqualTo(parsed.toString());
            assertThat(parsed.version()).as(id).isEqualTo(4);
            assertThat(parsed.variant()).as(id).isEqualTo(2);
        }
    }

    /** Each of the 122 random bits is set in about half the ids: a byte left unfilled or a bit masked away shows at once. */
    @Test
    void everyRandomBitVaries() {
        int n = 20_000;
        int[] ones = new int[128];
        for (int i = 0; i < n; i++) {
            UUID id = SecureRandomUuids.next();
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) (id.getMostSignificantBits() >>> bit) & 1;
                ones[64 + bit] += (int) (id.getLeastSignificantBits() >>> bit) & 1;
            }
        }
        Set<Integer> fixed = Set.of(12, 13, 14, 15, 64 + 62, 64 + 63);
        for (int bit = 0; bit < 128; bit++) {
            if (!fixed.contains(bit)) {
                assertThat(ones[bit]).as("bit %d set", bit).isBetween(n * 45 / 100, n * 55 / 100);
            }
        }
    }

    @Test
    void threadsDrawingAtOnceNeverRepeatAnId() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        assertThat(seen.add(ids.newId())).isTrue();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(seen).hasSize(8 * 20_000);
    }
}

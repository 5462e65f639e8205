package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TokenBucket;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in {@code ct_rate_bucket}, shared by every process on the database: a take locks
 * the bucket's row, applies the domain's {@link TokenBucket} and writes it back in one transaction.
 */
public final class JdbcRateLimiter implements RateLimiter {

    private static final String LOCK = "SELECT available_ns, updated_ns FROM ct_rate_bucket WHERE bucket_key = ? FOR UPDATE";
    private static final String UPDATE = "UPDATE ct_rate_bucket SET available_ns = ?, updated_ns = ? WHERE bucket_key = ?";

    private static final String INSERT = "INSERT INTO ct_rate_bucket (bucket_key, available_ns, updated_ns) VALUES (?, ?, ?)";

    private final JdbcTransactions transactions;

    public JdbcRateLimiter(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public boolean tryAcquire(String key, RatePolicy rate, Instant now) {
        while (true) {
            Optional<Boolean> taken = transactions.run(attempt -> {
                java.sql.Connection connection = attempt.connection();
                Optional<TokenBucket> bucket = Sql.queryOne(connection, LOCK,
                        row -> new TokenBucket(row.getLong(1), Nanos.instant(row.getLong(2))), key);
                if (bucket.isEmpty()) {
                    return Optional.<Boolean>empty();
                }
                boolean hasToken = bucket.get().hasToken(rate, now);
                TokenBucket next = bucket.get().take(rate, now);
                Sql.update(connection, UPDATE, next.availableNanos(), Nanos.of(next.updatedAt()), key);
                return Optional.of(hasToken);
            });
            if (taken.isPresent()) {
                return taken.get();
            }
            TokenBucket full = TokenBucket.full(rate, now);
            transactions.autoCommit(connection -> {
                Sql.insertUnlessPresent(connection, INSERT, key, full.availableNanos(), Nanos.of(full.updatedAt()));
                return null;
            });
        }
    }
}

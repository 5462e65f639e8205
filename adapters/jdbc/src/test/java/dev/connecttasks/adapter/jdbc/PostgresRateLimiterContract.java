package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.testkit.contract.RateLimiterContract;

class PostgresRateLimiterContract extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter() {
        return new JdbcRateLimiter(TestDatabase.shared(TestDatabase.Kind.POSTGRESQL).emptied());
    }
}

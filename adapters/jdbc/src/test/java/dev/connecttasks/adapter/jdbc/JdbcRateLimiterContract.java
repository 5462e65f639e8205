package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.testkit.contract.RateLimiterContract;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The rate limiter's contract on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcRateLimiterContract extends RateLimiterContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected RateLimiter newLimiter() {
        return JdbcConnectTasks.stores(TestDatabase.shared(database).emptied()).rateLimiter();
    }
}

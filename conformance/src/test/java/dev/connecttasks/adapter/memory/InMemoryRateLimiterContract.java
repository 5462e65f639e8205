package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.testkit.contract.RateLimiterContract;

class InMemoryRateLimiterContract extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter() {
        return new InMemoryRateLimiter();
    }
}

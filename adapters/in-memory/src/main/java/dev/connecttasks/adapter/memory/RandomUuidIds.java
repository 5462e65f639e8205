package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.IdSource;
import java.util.UUID;

/** The production id source: random UUID strings, as the service's ContactIds are. */
public final class RandomUuidIds implements IdSource {

    @Override
    public String newId() {
        return UUID.randomUUID().toString();
    }
}

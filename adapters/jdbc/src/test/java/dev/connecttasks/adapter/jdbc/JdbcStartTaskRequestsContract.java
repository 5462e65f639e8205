package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.testkit.contract.StartTaskRequestsContract;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated valid requests, refusals (each with exactly its reason) and chains on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcStartTaskRequestsContract extends StartTaskRequestsContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected StorePorts stores() {
        return JdbcConnectTasks.stores(TestDatabase.shared(database).emptied());
    }
}

package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.testkit.contract.TestControlsContract;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The test controls on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcTestControlsContract extends TestControlsContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected StorePorts stores() {
        return JdbcConnectTasks.stores(TestDatabase.shared(database).emptied());
    }
}

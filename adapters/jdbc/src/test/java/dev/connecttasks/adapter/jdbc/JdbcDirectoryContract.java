package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.testkit.contract.DirectoryContract;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The directories' contract on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcDirectoryContract extends DirectoryContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected void newDirectories() {
        StorePorts stores = JdbcConnectTasks.stores(TestDatabase.shared(database).emptied());
        instances = stores.instances();
        flows = stores.flows();
        quickConnects = stores.quickConnects();
        templates = stores.templates();
    }
}

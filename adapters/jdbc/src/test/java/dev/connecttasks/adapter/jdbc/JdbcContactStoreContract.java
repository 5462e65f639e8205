package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.testkit.contract.ContactStoreContract;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The contact store's contract on every database (an unreachable one is reported and skipped, or fails where required). */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcContactStoreContract extends ContactStoreContract {

    @Parameter
    TestDatabase.Kind database;

    @Override
    protected ContactStore newStore() {
        return JdbcConnectTasks.stores(TestDatabase.shared(database).emptied()).contacts();
    }
}

package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.testkit.contract.ContactStoreContract;

class H2ContactStoreContract extends ContactStoreContract {

    @Override
    protected ContactStore newStore() {
        return new JdbcContactStore(TestDatabase.shared(TestDatabase.Kind.H2).emptied());
    }
}

package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.testkit.contract.ContactStoreContract;

class MariaDbContactStoreContract extends ContactStoreContract {

    @Override
    protected ContactStore newStore() {
        return new JdbcContactStore(TestDatabase.shared(TestDatabase.Kind.MARIADB).emptied());
    }
}

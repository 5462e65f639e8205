package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.ContactStore;
import dev.connecttasks.testkit.contract.ContactStoreContract;

class InMemoryContactStoreContract extends ContactStoreContract {

    @Override
    protected ContactStore newStore() {
        return new InMemoryContactStore(new InMemoryFlowDirectory(), new InMemoryQuickConnectDirectory(), new InMemoryTaskTemplateDirectory());
    }
}

package dev.connecttasks.adapter.memory;

import dev.connecttasks.testkit.contract.DirectoryContract;

class InMemoryDirectoryContract extends DirectoryContract {

    @Override
    protected void newDirectories() {
        instances = new InMemoryInstanceDirectory();
        flows = new InMemoryFlowDirectory();
        quickConnects = new InMemoryQuickConnectDirectory();
        templates = new InMemoryTaskTemplateDirectory();
    }
}

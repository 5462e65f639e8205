package dev.connecttasks.conformance;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.testkit.contract.StartTaskRequestsContract;

/** The generated valid requests, refusals and chains in memory. */
class InMemoryStartTaskRequestsContract extends StartTaskRequestsContract {

    @Override
    protected StorePorts stores() {
        return ConnectTasks.stores();
    }
}

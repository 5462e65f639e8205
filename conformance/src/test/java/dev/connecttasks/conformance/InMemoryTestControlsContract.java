package dev.connecttasks.conformance;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.StorePorts;
import dev.connecttasks.testkit.contract.TestControlsContract;

/** The test controls in memory. */
class InMemoryTestControlsContract extends TestControlsContract {

    @Override
    protected StorePorts stores() {
        return ConnectTasks.stores();
    }
}

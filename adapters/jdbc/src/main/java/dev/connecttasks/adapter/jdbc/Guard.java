package dev.connecttasks.adapter.jdbc;

/** An instance's guard row as one transaction holds it: the lock that serialises the instance, and its open-task counter. */
record Guard(InstanceLock lock, OpenTaskCounter counter) {
}

package dev.connecttasks.adapter.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The instances whose guard the running transaction of this thread holds, with the directory
 * version it holds each at. While the guard is held no other process can change the instance's
 * flows, so a flow read at that version is still what the database holds.
 */
final class HeldGuards {

    private static final ThreadLocal<Map<Held, Long>> HELD = ThreadLocal.withInitial(HashMap::new);

    private HeldGuards() {
    }

    static void hold(DataSource database, String instanceId, long directoryVersion) {
        HELD.get().put(new Held(database, instanceId), directoryVersion);
    }

    static void release(DataSource database, String instanceId) {
        HELD.get().remove(new Held(database, instanceId));
    }

    static OptionalLong directoryVersion(DataSource database, String instanceId) {
        Long version = HELD.get().get(new Held(database, instanceId));
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** A data source (by identity: one service's pool) and an instance on it. */
    private record Held(DataSource database, String instanceId) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Held h && h.database == database && h.instanceId.equals(instanceId);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(database) * 31 + instanceId.hashCode();
        }
    }
}

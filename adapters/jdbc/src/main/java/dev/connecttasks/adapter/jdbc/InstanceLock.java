package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;

/**
 * An instance's guard row as a lock: every contact transaction and every flow change of the
 * instance holds it, so they are serial across every process and pool, and the reads that follow
 * see every earlier commit. It also carries the instance's directory version, bumped by every flow
 * change, at which a flow read in the transaction stays valid.
 *
 * <p>Which of the two forms a transaction gets is its dialect's choice ({@link Dialect#openGuard}).
 */
abstract sealed class InstanceLock permits InstanceLock.HeldFromStart, InstanceLock.ClaimedLater {

    private final long directoryVersion;

    InstanceLock(long directoryVersion) {
        this.directoryVersion = directoryVersion;
    }

    /** The version of the instance's flows this transaction reads at. */
    final long directoryVersion() {
        return directoryVersion;
    }

    /** Before the transaction's first write is sent. */
    abstract void claimBeforeWrites(PendingWrites writes);

    /** The transaction's end: the counter goes back into the row with the other writes if it changed. */
    abstract void finish(PendingWrites writes, OpenTaskCounter counter);

    /**
     * Whether what this transaction read still stands, or else a conflict is thrown, so that an answer
     * (a refusal too) never rests on reads from two different moments.
     */
    abstract void confirmUnmoved();

    /** Locked before anything was read ({@code FOR UPDATE}, or H2's locking UPDATE): nothing to claim or confirm. */
    static final class HeldFromStart extends InstanceLock {

        HeldFromStart(long directoryVersion) {
            super(directoryVersion);
        }

        @Override
        void claimBeforeWrites(PendingWrites writes) {
        }

        @Override
        void finish(PendingWrites writes, OpenTaskCounter counter) {
            counter.writeIfChanged(writes);
        }

        @Override
        void confirmUnmoved() {
        }
    }

    /**
     * Read without a lock, and claimed with the transaction's first write: one UPDATE that counts the
     * transaction ({@code transactions}) only where neither that count nor the directory version moved
     * since the read, carrying the counter when the claim is the last write (a start's usual case: one
     * statement on the row instead of two). A claim that finds the row moved, or a transaction that
     * ends without writing after it moved, fails as a serialization conflict, and the next attempt
     * locks first. This is sound only where an UPDATE re-checks its condition on the newest row once it
     * holds the row's lock (H2 does), so of two transactions that read the same version only the first
     * to claim goes through.
     */
    static final class ClaimedLater extends InstanceLock {

        private static final String UNMOVED = " WHERE instance_id = ? AND transactions = ? AND directory_version = ?";
        private static final String CLAIM = "UPDATE ct_instance_guard SET transactions = transactions + 1" + UNMOVED;
        private static final String CLAIM_WITH_COUNTER = "UPDATE ct_instance_guard SET transactions = transactions + 1, open_count = ?, "
                + "counted_until_ns = ?, next_expiry_ns = ?" + UNMOVED;
        private static final String VERSIONS = "SELECT transactions, directory_version FROM ct_instance_guard WHERE instance_id = ?";

        private final Connection connection;
        private final String instanceId;
        /** The transactions counted in the row when it was read. */
        private final long transactions;
        private boolean claimed;

        ClaimedLater(Connection connection, String instanceId, long directoryVersion, long transactions) {
            super(directoryVersion);
            this.connection = connection;
            this.instanceId = instanceId;
            this.transactions = transactions;
        }

        @Override
        void claimBeforeWrites(PendingWrites writes) {
            if (!claimed) {
                writes.claimFirst(CLAIM, instanceId, transactions, directoryVersion());
                claimed = true;
            }
        }

        /** A guard only read is claimed now, carrying the counter; a transaction that wrote nothing only checks that nothing moved. */
        @Override
        void finish(PendingWrites writes, OpenTaskCounter counter) {
            if (claimed) {
                counter.writeIfChanged(writes);
            } else if (counter.changed() || writes.holdsAny()) {
                writes.claimFirst(CLAIM_WITH_COUNTER, counter.openCount(), counter.countedUntil(), counter.nextExpiry(), instanceId,
                        transactions, directoryVersion());
                claimed = true;
            } else {
                confirmUnmoved();
            }
        }

        @Override
        void confirmUnmoved() {
            if (claimed) {
                return;
            }
            boolean unmoved = Sql.queryOne(connection, VERSIONS,
                    row -> row.getLong(1) == transactions && row.getLong(2) == directoryVersion(), instanceId).orElse(false);
            if (!unmoved) {
                throw JdbcFailure.conflict("instance " + instanceId + ": another transaction committed since this one read its guard");
            }
        }
    }
}

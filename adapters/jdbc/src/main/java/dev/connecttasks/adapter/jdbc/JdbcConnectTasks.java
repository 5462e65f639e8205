package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.ServiceBuilder;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.StorePorts;
import java.time.Clock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A service whose every port is on the given data source: {@code JdbcConnectTasks.create(dataSource)},
 * or with options for clock, ids, policy and whether to run the migrations first. Every process
 * that builds one on the same database acts as part of one service.
 */
public final class JdbcConnectTasks {

    private JdbcConnectTasks() {
    }

    /** The service on {@code dataSource} with the production defaults, after running the migrations. */
    public static ConnectTasksService create(DataSource dataSource) {
        return create(dataSource, options -> { });
    }

    /** The service on {@code dataSource} with the options set by {@code configure}. */
    public static ConnectTasksService create(DataSource dataSource, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        if (options.migrate) {
            JdbcSchema.migrate(dataSource);
        }
        return options.build(stores(dataSource));
    }

    /**
     * Every store on {@code dataSource}; the schema must already be migrated. Opening them prepares the
     * database (on H2, commits written before they return) and checks every instance's open-task
     * counter against its rows, repairing any that differ.
     */
    public static StorePorts stores(DataSource dataSource) {
        JdbcSchema.open(dataSource);
        return new StorePorts(new JdbcInstanceDirectory(dataSource), new JdbcFlowDirectory(dataSource),
                new JdbcQuickConnectDirectory(dataSource), new JdbcTaskTemplateDirectory(dataSource),
                new JdbcContactStore(dataSource), new JdbcRateLimiter(dataSource), new JdbcResourceTags(dataSource));
    }

    /** What a JDBC service can be given (clock, ids, policy, migrations); every option has the production default. */
    public static final class Options extends ServiceBuilder<Options> {
        private boolean migrate = true;

        private Options() {
            super(Clock.systemUTC(), new SecureRandomUuids());
        }

        /** Whether {@link #create} runs {@link JdbcSchema#migrate} first (the default); off when the application migrates. */
        public Options migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        private ConnectTasksService build(StorePorts stores) {
            return buildOver(stores);
        }
    }
}

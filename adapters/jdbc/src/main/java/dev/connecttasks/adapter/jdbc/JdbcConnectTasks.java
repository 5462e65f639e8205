package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.service.ConnectTasksService;
import dev.connecttasks.application.service.ServicePorts;
import dev.connecttasks.domain.policy.TaskPolicy;
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

    public static ConnectTasksService create(DataSource dataSource) {
        return create(dataSource, options -> { });
    }

    public static ConnectTasksService create(DataSource dataSource, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        if (options.migrate) {
            JdbcSchema.migrate(dataSource);
        }
        ServicePorts ports = new ServicePorts(new JdbcInstanceDirectory(dataSource), new JdbcFlowDirectory(dataSource),
                new JdbcQuickConnectDirectory(dataSource), new JdbcTaskTemplateDirectory(dataSource),
                new JdbcContactStore(dataSource), new JdbcRateLimiter(dataSource), options.ids, options.clock);
        return new ConnectTasksService(ports, options.policy);
    }

    /** What a JDBC service can be given; every option has the production default. */
    public static final class Options {
        private Clock clock = Clock.systemUTC();
        private IdSource ids = new SecureRandomUuids();
        private TaskPolicy policy = TaskPolicy.defaults();
        private boolean migrate = true;

        private Options() {
        }

        public Options clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Options ids(IdSource value) {
            this.ids = value;
            return this;
        }

        public Options policy(TaskPolicy value) {
            this.policy = value;
            return this;
        }

        /** Whether {@link #create} runs {@link JdbcSchema#migrate} first (the default); off when the application migrates. */
        public Options migrate(boolean value) {
            this.migrate = value;
            return this;
        }
    }
}

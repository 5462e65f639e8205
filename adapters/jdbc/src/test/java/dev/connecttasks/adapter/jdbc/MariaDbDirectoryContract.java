package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.testkit.contract.DirectoryContract;
import javax.sql.DataSource;

class MariaDbDirectoryContract extends DirectoryContract {

    @Override
    protected void newDirectories() {
        DataSource dataSource = TestDatabase.shared(TestDatabase.Kind.MARIADB).emptied();
        instances = new JdbcInstanceDirectory(dataSource);
        flows = new JdbcFlowDirectory(dataSource);
        quickConnects = new JdbcQuickConnectDirectory(dataSource);
        templates = new JdbcTaskTemplateDirectory(dataSource);
    }
}

package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The store reads which database it was given from the driver's product name, and refuses one it
 * has no dialect for before it sends anything; only H2 leaves commits to a background writer.
 */
class DialectChoiceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"H2, H2", "PostgreSQL, POSTGRESQL", "MariaDB, MARIADB", "MySQL, MARIADB"})
    void theDialectIsChosenByTheDatabaseProductName(String product, TestDatabase.Kind expected) {
        Dialect dialect = Dialect.of(naming(product));
        assertThat(dialect).isSameAs(switch (expected) {
            case H2 -> H2Dialect.INSTANCE;
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MARIADB -> MariaDbDialect.INSTANCE;
        });
        assertThat(dialect.writesCommitsLazily()).as("only H2 answers a commit before it is on its file").isEqualTo(expected == TestDatabase.Kind.H2);
    }

    @Test
    void aDatabaseWithoutADialectIsRefusedByName() {
        assertThatThrownBy(() -> Dialect.of(naming("Oracle"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database oracle: use H2, PostgreSQL or MariaDB");
    }

    @Test
    void aDatabaseThatWritesEveryCommitOutItselfHasNothingToWriteOut() {
        for (Dialect dialect : new Dialect[] {PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE}) {
            assertThatThrownBy(() -> dialect.writeOut(naming("x"))).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("writes every commit out itself");
        }
    }

    @Test
    void aProductNameTheDriverCannotReadIsAnAdapterFailure() {
        Connection broken = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    throw new SQLException("connection is closed", "08003");
                });
        assertThatThrownBy(() -> Dialect.of(broken)).isInstanceOf(JdbcFailure.class).hasMessageContaining("reading the database product");
    }

    /** A connection whose driver names the product, and answers nothing else. */
    private static Connection naming(String product) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DialectChoiceTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(DialectChoiceTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return metaData;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.http.HttpHealth;
import org.junit.jupiter.api.Test;

/** /health of a JDBC store: up while a pooled connection answers, down, with the reason's kind, once none can. */
class DatabaseHealthTest {

    @Test
    void upWhileTheDatabaseAnswersDownOnceThePoolCannotGiveAConnection() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:health;DB_CLOSE_DELAY=-1");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            assertThat(LocalServer.databaseHealth(pool, "h2")).isEqualTo(HttpHealth.up("h2"));
        } finally {
            pool.close();
        }
        HttpHealth down = LocalServer.databaseHealth(pool, "h2");
        assertThat(down.up()).isFalse();
        assertThat(down.store()).isEqualTo("h2");
        assertThat(down.detail()).isEqualTo("no connection to the database: SQLException");
    }
}

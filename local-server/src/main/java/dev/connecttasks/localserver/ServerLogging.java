package dev.connecttasks.localserver;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The server's log on java.util.logging, where the HTTP adapter's System.Logger and (through
 * slf4j-jdk14) Flyway and HikariCP write: one line a record, libraries at WARNING and above.
 * A user's own {@code -Djava.util.logging.config.file} replaces all of it.
 */
final class ServerLogging {

    static final String FORMAT = "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n";
    /** Held: java.util.logging keeps its loggers weakly, and a collected one forgets its level. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("com.zaxxer.hikari"),
            Logger.getLogger("org.eclipse.jetty"));

    private ServerLogging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new SimpleFormatter());
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}

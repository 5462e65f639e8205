package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The property engine is the project's own (README, "The property engine"): no build file brings in another. */
class NoOutsidePropertyEngineTest {

    private static final String BANNED = "jq" + "wik";

    @Test
    void noBuildFileNamesTheBannedEngine() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> poms;
        try (Stream<Path> files = Files.walk(root)) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/")).collect(Collectors.toList());
        }
        assertThat(poms).hasSizeGreaterThanOrEqualTo(6);
        for (Path pom : poms) {
            assertThat(Files.readString(pom).toLowerCase(Locale.ROOT)).as(pom.toString()).doesNotContain(BANNED);
        }
    }

    @Test
    void itIsNotOnTheTestClasspath() {
        assertThatThrownBy(() -> Class.forName("net." + BANNED + ".api.Property")).isInstanceOf(ClassNotFoundException.class);
        assertThat(System.getProperty("java.class.path").toLowerCase(Locale.ROOT)).doesNotContain(BANNED);
    }
}

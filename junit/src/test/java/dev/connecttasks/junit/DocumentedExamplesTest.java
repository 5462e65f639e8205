package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/testing.md shows the example tests as they run in the build, not an older copy of them. */
class DocumentedExamplesTest {

    @ParameterizedTest
    @CsvSource({"ConnectTasksExtensionExampleTest, example", "ConnectTasksServerExtensionExampleTest, server example",
            "LinkedTaskLimitExampleTest, generators example"})
    void theDocumentShowsTheExampleAsItRuns(String test, String marker) throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/connecttasks/junit/" + test + ".java"));
        String example = source.split("// docs/testing.md " + marker + " begins\n")[1].split("(    )?// docs/testing.md " + marker + " ends")[0];
        assertThat(example).contains("@Test");
        assertThat(Files.readString(Path.of("../docs/testing.md"))).contains("```java\n" + example + "```");
    }
}

package dev.connecttasks.localserver;

import dev.connecttasks.adapter.http.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;

/** The server as a user runs it: its own process, H2 file under ./data by default, SIGTERM to stop, data kept across restarts. */
class LocalServerProcessTest {

    @Test
    void theServerKeepsItsDataAcrossARestartAndStopsCleanlyOnSigterm(@TempDir Path directory) throws Exception {
        String instance;
        String contact;
        try (LocalServerProcess server = LocalServerProcess.start(directory);
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            // Awaited, not read from a snapshot: the example is printed just after the line the start waits for.
            server.awaitLine(Pattern.compile(Pattern.quote("try: aws connect create-instance --endpoint-url " + server.endpoint)), 10);
            instance = connect.createInstance(r -> r.instanceAlias("kept").identityManagementType("CONNECT_MANAGED")
                    .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                    .contactFlowId();
            contact = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t").attributes(java.util.Map.of("a", "b")))
                    .contactId();
            assertThat(server.terminate()).as("exit code after SIGTERM").isEqualTo(143);
            server.awaitLine(Pattern.compile("connect-tasks stopped"), 5);
        }
        assertThat(Files.list(directory.resolve("data"))).anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"));
        try (LocalServerProcess again = LocalServerProcess.start(directory);
             ConnectClient connect = SdkClients.connect(again.endpoint)) {
            assertThat(connect.describeInstance(r -> r.instanceId(instance)).instance().instanceAlias()).isEqualTo("kept");
            assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(contact)).attributes()).containsEntry("a", "b");
        }
    }

    @Test
    void aFileLeftLargeByAKilledServerIsRewrittenToItsLiveDataAtTheNextStart(@TempDir Path directory) throws Exception {
        String instance;
        List<String> contacts = new java.util.ArrayList<>();
        long leftByTheKill;
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--no-throttling");
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                    .contactFlowId();
            for (int i = 0; i < 800; i++) {
                contacts.add(connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).contactId());
            }
            server.kill();
            leftByTheKill = Files.size(h2File(directory));
        }
        try (LocalServerProcess again = LocalServerProcess.start(directory);
             ConnectClient connect = SdkClients.connect(again.endpoint)) {
            long atStart = Files.size(h2File(directory));
            assertThat(atStart).as("compacted at start from %,d bytes", leftByTheKill).isLessThan(leftByTheKill / 2);
            for (String contact : List.of(contacts.get(0), contacts.get(contacts.size() - 1))) {
                assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(contact)).contact().id()).isEqualTo(contact);
            }
        }
    }

    @Test
    void aFileGrownWhileServingIsRewrittenToItsLiveDataOnceTheWritesPause(@TempDir Path directory) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--no-throttling", "--h2-compact-above-mb", "0");
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true)
                    .outboundCallsEnabled(true)).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                    .contactFlowId();
            List<String> contacts = new java.util.ArrayList<>();
            for (int i = 0; i < 800; i++) {
                contacts.add(connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).contactId());
            }
            java.util.regex.Matcher rewrite = server.awaitLine(Pattern.compile("rewrote the H2 file from ([\\d,]+) to ([\\d,]+) bytes"), 20);
            long before = Long.parseLong(rewrite.group(1).replace(",", ""));
            long after = Long.parseLong(rewrite.group(2).replace(",", ""));
            assertThat(after).as("rewritten from %,d bytes", before).isLessThan(before / 2);
            for (String contact : List.of(contacts.get(0), contacts.get(contacts.size() - 1))) {
                assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(contact)).contact().id()).isEqualTo(contact);
            }
            assertThat(connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("after")).contactId()).isNotBlank();
        }
    }

    private static Path h2File(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory.resolve("data"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".mv.db")).findFirst().orElseThrow();
        }
    }
}

package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.adapter.http.SdkClients;
import dev.connecttasks.sdkconformance.ConformanceRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;

/** The conformance command against the local server's jar main: its report, its exit status, and a server that differs. */
class ConformanceCommandTest {

    /** A report line: an outcome, the case, and for a skip its reason. */
    private static final String CASE_LINE = "(PASSED   |SKIPPED  |DIFFERED )[A-Za-z]+Test\\.[A-Za-z]+(: .+)?";

    @Test
    void everyCasePassesOrIsSkippedWithItsReasonAgainstTheLocalServer(@TempDir Path directory) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--in-memory", "--no-throttling", "--quiet")) {
            ConformanceRun.Result run = ConformanceRun.of("--endpoint", server.endpoint, "--access-key", "AKID", "--secret-key", "s");
            assertThat(run.exitStatus()).as(String.join("\n", run.lines())).isZero();
            assertThat(run.lines().get(0)).isEqualTo("CONFORMANCE endpoint=" + server.endpoint
                    + " region=us-east-1 instance=(made per case) flow=(made per case)");
            List<String> cases = run.lines().subList(1, run.lines().size() - 1);
            assertThat(cases).allMatch(line -> line.matches(CASE_LINE), "every case line in the documented format");
            assertThat(cases).filteredOn(line -> line.startsWith("SKIPPED")).allMatch(line -> line.contains(": needs the service in-process: "));
            assertThat(cases).filteredOn(line -> line.startsWith("PASSED")).hasSizeGreaterThanOrEqualTo(19);
            assertThat(run.lines().get(run.lines().size() - 1)).matches("SUMMARY passed=\\d+ differed=0 skipped=6");
        }
    }

    @Test
    void withAGivenInstanceAndFlowTheRunChangesNeitherAndSkipsWhatWould(@TempDir Path directory) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--in-memory", "--no-throttling", "--quiet");
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            String instance = connect.createInstance(r -> r.instanceAlias("mine").identityManagementType("CONNECT_MANAGED")
                    .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String flow = connect.createContactFlow(r -> r.instanceId(instance).name("Mine").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                    .contactFlowId();
            ConformanceRun.Result run = ConformanceRun.of("--endpoint", server.endpoint, "--access-key", "AKID", "--secret-key", "s",
                    "--instance-id", instance, "--contact-flow-id", flow);
            assertThat(run.exitStatus()).as(String.join("\n", run.lines())).isZero();
            assertThat(run.lines()).contains("SKIPPED  InstanceDeletionSdkTest.aDeletedInstanceIsGoneForTheSdkAndARetryWithItsTokenSucceeds: "
                    + "would change the instance or flow the run was given: deletes the instance");
            assertThat(run.lines()).anyMatch(line -> line.startsWith("PASSED   SdkOperationsTest.aChainTakesTwelveLinkedTasks"));
            assertThat(connect.describeInstance(r -> r.instanceId(instance)).instance().instanceAlias()).isEqualTo("mine");
            assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(flow)).contactFlow().stateAsString())
                    .isEqualTo("ACTIVE");
        }
    }

    @Test
    void aServerThatAnswersOtherwiseIsReportedAsDifferingWithBothAnswers(@TempDir Path directory) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--in-memory", "--no-throttling", "--quiet",
                "--reschedules-per-task", "25")) {
            ConformanceRun.Result run = ConformanceRun.of("--endpoint", server.endpoint, "--access-key", "AKID", "--secret-key", "s");
            assertThat(run.exitStatus()).isEqualTo(1);
            int differed = run.lines().indexOf("DIFFERED SdkOperationsTest.aScheduledTaskIsRescheduledAtMostTwentyTimes");
            assertThat(differed).as(String.join("\n", run.lines())).isPositive();
            assertThat(run.lines().subList(differed + 1, differed + 3)).containsExactly(
                    "  connect-tasks answers: an error (the case expects the call refused)", "  the endpoint answered: success");
            assertThat(run.lines().get(run.lines().size() - 1)).matches("SUMMARY passed=\\d+ differed=1 skipped=\\d+");
        }
    }

    @Test
    void aBadCommandLineOrAnEndpointThatDoesNotAnswerExitsTwo() {
        assertThat(ConformanceRun.of("--region", "eu-west-2").exitStatus()).isEqualTo(2);
        assertThat(ConformanceRun.of("--endpoint", "ftp://example.com").lines()).anyMatch(l -> l.contains("--endpoint must be an http or https URL"));
        assertThat(ConformanceRun.of("--endpoint", "http://127.0.0.1:9", "--contact-flow-id", "f").lines())
                .anyMatch(l -> l.contains("--contact-flow-id needs the --instance-id"));
        ConformanceRun.Result unreachable = ConformanceRun.of("--endpoint", "http://127.0.0.1:9", "--access-key", "a", "--secret-key", "b");
        assertThat(unreachable.exitStatus()).isEqualTo(2);
        assertThat(unreachable.lines()).anyMatch(l -> l.startsWith("connect-tasks conformance: cannot ask http://127.0.0.1:9 anything"));
    }
}

package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.endpoint.EndpointAddress;
import io.coursekit.endpoint.EndpointGrader;
import io.coursekit.endpoint.StudentEndpoint;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;
import io.coursekit.lab.Lab;
import io.coursekit.report.ReportFolder;
import io.coursekit.report.TerminalSummary;
import io.coursekit.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "endpoint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Score a student's live Redis, Valkey or ElastiCache endpoint by the endpoint: section of a lab's "
                        + "lab.yaml, and write results.json (Gradescope), report.html and junit.xml.",
                "",
                "Checks, as the lab lists them: reachable, auth-required, tls-in-transit, engine-and-version, "
                        + "eviction-policy, replication, cluster-mode, app-keys, latency.",
                "",
                "Read-only: besides the client's handshake (HELLO, CLIENT SETINFO, and CLUSTER NODES for a cluster) "
                        + "it sends only PING, INFO, SCAN (MATCH and COUNT, a bounded number of calls) and TTL; never "
                        + "CONFIG or KEYS, never a write. Every network step has the lab's timeout and the whole run "
                        + "ends within 15 s, even when nothing answers.",
                ""},
        footer = {"",
                "Exit status: 0 whenever a report was written, whatever the score (an unreachable endpoint scores 0); "
                        + "1 when nothing could be checked (unknown lab, no endpoint: section, bad URI, unset "
                        + "--password-env variable, missing --ca-file).",
                "",
                "Examples:",
                "  coursekit endpoint --lab cache-aside redis://127.0.0.1:6379",
                "  REDIS_PW=... coursekit endpoint --lab cache-aside --password-env REDIS_PW \\",
                "      rediss://master.shop.abc123.apne2.cache.amazonaws.com:6379"})
final class EndpointCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the reports (default: reports/endpoint-<host>-<port>).")
    Path out;

    @Option(names = "--user", paramLabel = "USER",
            description = "ACL user to log in as (ElastiCache RBAC); the default user when omitted.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password or AUTH token "
                    + "(never the password itself: command lines are visible to other users).")
    String passwordEnv;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "PEM file of CA certificates to trust for rediss://, besides the JVM's own.")
    Path caFile;

    @Mixin
    ReportLanguage reportLanguage;

    @Parameters(paramLabel = "URI", description = "The endpoint: redis://HOST:PORT, or rediss://HOST:PORT for TLS.")
    String uri;

    @Override
    public Integer call() {
        Lab pack = lab.lab();
        Wording wording = reportLanguage.wording();
        EndpointAddress address = EndpointAddress.parse(uri);
        StudentEndpoint endpoint = new StudentEndpoint(address, Optional.ofNullable(user), password(),
                Optional.ofNullable(caFile).map(StudentEndpoint::caFile));
        GradeReport report = EndpointGrader.grade(pack, endpoint);
        Path dir = out != null ? out : Path.of("reports", "endpoint-" + address.host().replace(':', '_') + "-" + address.port());
        ReportFolder.write(report, wording, dir);
        List<CheckResult> passed = report.results().stream().filter(CheckResult::passed).toList();
        if (!passed.isEmpty()) {
            System.out.println("Seen on " + endpoint.address() + ":");
            passed.forEach(r -> System.out.println("  " + r.check().id() + ": " + r.output()));
        }
        System.out.print(TerminalSummary.text(report, wording, dir.toString()));
        return 0;
    }

    private Optional<String> password() {
        if (passwordEnv == null) {
            if (user != null) {
                throw new UserError("--user " + user + " needs --password-env: name the variable that holds its password");
            }
            return Optional.empty();
        }
        return Optional.of(StudentEndpoint.password(passwordEnv, "--password-env", System::getenv));
    }
}

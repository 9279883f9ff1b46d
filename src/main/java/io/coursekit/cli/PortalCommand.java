package io.coursekit.cli;

import io.coursekit.grader.Sandbox;
import io.coursekit.UserError;
import io.coursekit.portal.Portal;
import io.coursekit.portal.PortalRules;
import io.coursekit.portal.Roster;
import io.coursekit.portal.SubmissionGrading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "portal", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = PortalTokensCommand.class,
        description = {
                "Run the submission portal: students sign in with the link or token issued from the roster, upload a "
                        + ".zip or a folder, watch it being graded and read the same report 'grade' writes. The "
                        + "instructor sees the class live, regrades, and exports the gradebook, the Canvas CSV and the "
                        + "summary page.",
                "",
                "Submissions wait in a Redis Streams queue that workers on any number of machines read "
                        + "('coursekit worker --queue URI'). Without --queue the portal starts a Redis of its own, and "
                        + "with --workers it grades on this machine too. Submissions and results are kept in DIR "
                        + "(portal.db and files): stop the portal any way and start it again, and every submission is "
                        + "graded exactly once.",
                "",
                "Due date, late window and penalty, rate limit, upload size and score policy come from --config "
                        + "(see the README for its keys).",
                ""},
        footer = {"",
                "Stop it with Ctrl-C. Exit status: 1 when it cannot start (unknown lab, bad roster or configuration, "
                        + "port in use, no Redis).",
                "",
                "Examples:",
                "  coursekit portal --lab cache-aside --roster roster.csv --config portal.yaml",
                "  coursekit portal --lab cache-aside --roster roster.csv --bind 0.0.0.0 --url https://lab.example.edu "
                        + "--queue redis://:secret@10.0.0.5:6379 --workers 0"})
final class PortalCommand implements Callable<Integer> {

    // not required by picocli, which would ask 'portal tokens' for them too
    @Option(names = "--lab", paramLabel = "LAB",
            description = "The lab: an id under --labs-dir (cache-aside) or the path of a lab pack folder. Required.")
    String lab;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where lab packs live (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    @Option(names = "--roster", paramLabel = "FILE",
            description = "CSV with a header row and a 'student' column (optional: name, email, section), or "
                    + "Canvas's gradebook export. Required.")
    Path roster;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where submissions, results and tokens are kept (default: portal-<lab>).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "The portal's rules (portal.yaml); without it, "
            + "no due date, 10 submissions an hour, 1 MiB uploads and the best score counts.")
    Path config;

    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 lets students on other machines in).")
    String host;

    @Option(names = "--url", paramLabel = "URL", description = "The address students reach the portal at, for their "
            + "sign-in links (default: http://localhost:PORT). An https:// address makes cookies Secure.")
    URI url;

    @Option(names = "--queue", paramLabel = "URI", description = "The queue's Redis, redis://[:password@]HOST:PORT, "
            + "that workers on other machines reach too (default: start one here, for this machine only).")
    String queue;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "Workers this process runs itself, each with a Redis of its own (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--claim-after", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long a silent worker keeps its submission before another worker takes it over "
                    + "(default: ${DEFAULT-VALUE}).")
    int claimAfter;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Mixin
    ReportLanguage reportLanguage;

    @Override
    public Integer call() throws InterruptedException {
        if (lab == null || roster == null) {
            throw new UserError("portal needs --lab and --roster (see coursekit portal --help)");
        }
        if (workers < 0 || claimAfter < 1) {
            throw new UserError("--workers needs 0 or more and --claim-after at least 1");
        }
        reportLanguage.wording();
        var rubric = SubmissionGrading.rubric(lab, labsDir);
        PortalRules rules = config == null ? PortalRules.defaults() : PortalRules.read(config);
        Path dataDir = data != null ? data : Path.of("portal-" + rubric.id());
        Portal portal = Portal.start(new Portal.Settings(rubric, labsDir, dataDir, Roster.read(roster), rules,
                reportLanguage.language, Optional.ofNullable(queue), workers, redisOption.mode(),
                workers == 0 ? Sandbox.none("no workers here") : sandboxOption.forClass(), System.getenv(), host,
                port, Optional.ofNullable(url), Duration.ofSeconds(claimAfter), System.out, Clock.systemUTC()));
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "stop-portal"));
        System.out.println("portal: " + portal.url() + " (lab " + rubric.id() + ", " + portal.accounts().size()
                + " students, data in " + dataDir + ")");
        System.out.println("queue: " + portal.queueUri() + (queue == null ? " (started here: workers elsewhere need "
                + "--queue with an address they can reach)" : ""));
        System.out.println("workers here: " + workers);
        System.out.println("instructor: " + portal.url().resolve("/admin/signin?token=" + portal.adminToken()));
        System.out.println("student links: coursekit portal tokens --lab " + lab + " --roster " + roster
                + " --data " + dataDir);
        System.out.flush();
        portal.awaitClose();
        return 0;
    }
}

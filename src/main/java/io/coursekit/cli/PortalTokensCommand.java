package io.coursekit.cli;

import io.coursekit.portal.Portal;
import io.coursekit.portal.PortalStore;
import io.coursekit.portal.Roster;
import io.coursekit.portal.SubmissionGrading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print each student's sign-in token and link as CSV (student,token,link, with that header row), "
                + "ready for a mail merge. Students new to the roster get a token; everyone else keeps theirs, so "
                + "running it again prints the same tokens. Students no longer on the roster can no longer sign in.",
                ""},
        footer = {"", "Example:",
                "  coursekit portal tokens --lab cache-aside --roster roster.csv --data portal-cache-aside "
                        + "--url https://lab.example.edu > tokens.csv"})
final class PortalTokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "The roster, as for 'portal'.")
    Path roster;

    @Option(names = "--data", paramLabel = "DIR", description = "The portal's data folder (default: portal-<lab>).")
    Path data;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "The portal's address in the links (default: ${DEFAULT-VALUE}).")
    URI url;

    @Override
    public Integer call() {
        var rubric = SubmissionGrading.rubric(lab.lab, lab.labsDir);
        Path dataDir = data != null ? data : Path.of("portal-" + rubric.id());
        List<PortalStore.Account> accounts;
        try (PortalStore store = PortalStore.open(dataDir)) {
            store.claimLab(rubric.id());
            accounts = store.enrol(Roster.read(roster));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print("student,token,link\r\n");
        for (PortalStore.Account account : accounts) {
            out.print(account.student().id() + "," + account.token() + "," + Portal.signInLink(url, account.token()) + "\r\n");
        }
        out.flush();
        return 0;
    }
}

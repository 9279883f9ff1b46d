package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.report.ClassReport;
import io.coursekit.report.Gradebook;
import io.coursekit.report.Wording;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's web server (Javalin on Jetty): the students' and the instructor's pages, and the JSON API that the
 * pages and scripts use. Students sign in with the link or token from the roster; the instructor with the admin
 * token. A browser gets an HttpOnly, SameSite session cookie, and whatever it posts carries the session's CSRF token.
 */
final class PortalServer implements AutoCloseable {
    static final String SESSION_COOKIE = "coursekit_session";
    static final String LANGUAGE_COOKIE = "coursekit_lang";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SIGNIN_CSRF_COOKIE = "coursekit_signin";
    private static final Duration SESSION_LIFE = Duration.ofDays(14);
    private static final Map<String, String> ASSETS = Map.of(
            "site.css", "/coursekit-templates/static/site.css",
            "portal.css", "/io/coursekit/portal/static/portal.css",
            "portal.js", "/io/coursekit/portal/static/portal.js");
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
    /** Reports are self-contained pages of escaped student output: no script may run in them, framed or not. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; sandbox";

    private final Portal portal;
    private final PortalPages pages = new PortalPages();
    private final Map<String, byte[]> assets = new HashMap<>();
    private final boolean secureCookies;
    private Javalin app;

    private PortalServer(Portal portal) {
        this.portal = portal;
        this.secureCookies = portal.settings().publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
        ASSETS.forEach((name, resource) -> assets.put(name, resource(resource)));
    }

    static PortalServer start(Portal portal, String host, int port) {
        PortalServer server = new PortalServer(portal);
        long upload = portal.settings().rules().uploadBytes();
        server.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // the desk refuses an upload over the limit in words; past twice that, the request is not even read
            config.http.maxRequestSize = hardLimit(upload);
            config.jetty.multipartConfig.maxFileSize(hardLimit(upload), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(hardLimit(upload), SizeUnit.BYTES);
            server.routes(config.routes);
        });
        try {
            server.app.start(host, port);
        } catch (RuntimeException e) {
            throw new UserError("cannot serve the portal on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return server;
    }

    private static long hardLimit(long upload) {
        return 2 * upload + 256 * 1024;
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Cache-Control", "no-store");
            if (ctx.queryParam("lang") != null) {
                // kept in a cookie before any redirect, such as the one after signing in
                language(ctx);
            }
        });
        routes.get("/", this::home);
        routes.get("/signin", this::signInPage);
        routes.post("/signin", this::signInForm);
        routes.post("/signout", this::signOut);
        routes.post("/submit", this::submitForm);
        routes.get("/submissions/{id}", this::submissionPage);
        routes.get("/submissions/{id}/report.html", this::report);
        routes.get("/admin", this::instructorPage);
        routes.get("/admin/signin", this::instructorSignIn);
        routes.post("/admin/regrade", this::regradeForm);
        routes.get("/admin/gradebook.csv", ctx -> export(ctx, Gradebook.Format.DEFAULT, ClassReport.GRADEBOOK_CSV));
        routes.get("/admin/canvas.csv", ctx -> export(ctx, Gradebook.Format.CANVAS, ClassReport.GRADEBOOK_CSV));
        routes.get("/admin/summary.html", ctx -> export(ctx, Gradebook.Format.DEFAULT, ClassReport.SUMMARY_HTML));
        routes.get("/admin/{student}/report.html", this::countedReport);
        routes.get("/static/{file}", this::asset);
        routes.post("/api/submissions", this::apiSubmit);
        routes.get("/api/submissions/{id}", this::apiSubmission);
        routes.get("/api/me/submissions", this::apiMine);
        routes.get("/api/admin/class", this::apiClass);
        routes.post("/api/admin/regrade", this::apiRegrade);
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                notFound(ctx);
            }
        });
    }

    // ---- who is asking

    private Viewer viewer(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (!token.isEmpty() && sameSecret(token, portal.adminToken())) {
                return new Viewer(Optional.empty(), true, Optional.empty());
            }
            return portal.store().studentWithToken(token).map(s -> new Viewer(Optional.of(s), false, Optional.empty()))
                    .orElse(Viewer.NOBODY);
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null) {
            return Viewer.NOBODY;
        }
        return portal.store().session(cookie, now()).map(session -> new Viewer(
                session.student().flatMap(portal.store()::student), session.instructor(), Optional.of(session)))
                .filter(Viewer::signedIn).orElse(Viewer.NOBODY);
    }


    /** A browser's post must carry its session's CSRF token; a token in the Authorization header needs none. */
    private static boolean csrfOk(Context ctx, Viewer viewer) {
        if (viewer.session().isEmpty()) {
            return true;
        }
        String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam("csrf"));
        return viewer.session().get().csrf().equals(sent);
    }

    private String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && List.of(PortalPages.LANGUAGES).contains(asked)) {
            setCookie(ctx, LANGUAGE_COOKIE, asked, Duration.ofDays(365));
            return asked;
        }
        String kept = ctx.cookie(LANGUAGE_COOKIE);
        if (kept != null && List.of(PortalPages.LANGUAGES).contains(kept)) {
            return kept;
        }
        String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("");
        for (String range : accept.split(",")) {
            String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            for (String language : PortalPages.LANGUAGES) {
                if (tag.equals(language) || tag.startsWith(language + "-")) {
                    return language;
                }
            }
        }
        return portal.settings().language();
    }

    private Instant now() {
        return portal.settings().clock().instant();
    }

    // ---- pages

    private void home(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (viewer.instructor()) {
            ctx.redirect("/admin");
        } else if (viewer.student().isPresent()) {
            studentPage(ctx, viewer, 200, Optional.empty());
        } else {
            signInPage(ctx);
        }
    }

    private void signInPage(Context ctx) {
        String token = ctx.queryParam("token");
        if (token != null) {
            signIn(ctx, token);
            return;
        }
        showSignIn(ctx, 200, "");
    }

    private void showSignIn(Context ctx, int status, String problem) {
        String csrf = PortalStore.secret();
        setCookie(ctx, SIGNIN_CSRF_COOKIE, csrf, Duration.ofHours(1));
        Map<String, Object> model = base(ctx, Viewer.NOBODY);
        model.put("signinCsrf", csrf);
        model.put("problem", problem);
        ctx.status(status).html(pages.render("signin.ftlh", language(ctx), model));
    }

    private void signInForm(Context ctx) {
        String expected = ctx.cookie(SIGNIN_CSRF_COOKIE);
        if (expected == null || !expected.equals(ctx.formParam("csrf"))) {
            showSignIn(ctx, 403, word(ctx, "error.csrf"));
            return;
        }
        signIn(ctx, Optional.ofNullable(ctx.formParam("token")).orElse("").strip());
    }

    private void signIn(Context ctx, String token) {
        Optional<Student> student = portal.store().studentWithToken(token);
        if (student.isEmpty()) {
            showSignIn(ctx, 401, word(ctx, "error.unknownToken"));
            return;
        }
        PortalStore.Session session = portal.store().openSession(Optional.of(student.get().id()), false, now());
        setCookie(ctx, SESSION_COOKIE, session.id(), SESSION_LIFE);
        ctx.redirect("/");
    }

    private void instructorSignIn(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        if (!sameSecret(token, portal.adminToken())) {
            showSignIn(ctx, 401, word(ctx, "error.unknownToken"));
            return;
        }
        PortalStore.Session session = portal.store().openSession(Optional.empty(), true, now());
        setCookie(ctx, SESSION_COOKIE, session.id(), SESSION_LIFE);
        ctx.redirect("/admin");
    }

    private void signOut(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (viewer.session().isPresent() && csrfOk(ctx, viewer)) {
            portal.store().closeSession(viewer.session().get().id());
        }
        setCookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
        ctx.redirect("/");
    }

    private void studentPage(Context ctx, Viewer viewer, int status, Optional<String> problem) {
        Student student = viewer.student().orElseThrow();
        String language = language(ctx);
        ReportView view = SubmissionScore.viewFor(false, rules(), now());
        List<StoredSubmission> mine = portal.store().submissionsOf(student.id());
        Map<String, Object> model = base(ctx, viewer);
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = mine.size() - 1; i >= 0; i--) {
            history.add(submissionModel(mine.get(i), view, language));
        }
        model.put("submissions", history);
        model.put("counted", SubmissionScore.counted(mine, portal.settings().lab(), rules(), view)
                .map(c -> Map.<String, Object>of("number", c.submission().number(), "points", c.score().points(),
                        "max", c.score().max())).orElse(Map.of()));
        model.put("rules", rulesModel(language));
        model.put("problem", problem.orElse(""));
        ctx.status(status).html(pages.render("student.ftlh", language, model));
    }

    private void submitForm(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (viewer.student().isEmpty()) {
            showSignIn(ctx, 401, word(ctx, "error.signInFirst"));
            return;
        }
        if (!csrfOk(ctx, viewer)) {
            studentPage(ctx, viewer, 403, Optional.of(word(ctx, "error.csrf")));
            return;
        }
        try {
            SubmissionDesk.Accepted accepted = portal.desk().submit(viewer.student().get().id(), parts(ctx));
            ctx.redirect("/submissions/" + accepted.submission().id());
        } catch (UploadRefused e) {
            studentPage(ctx, viewer, e.reason().status(), Optional.of(refusal(ctx, e)));
        }
    }

    private void submissionPage(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.signedIn()) {
            showSignIn(ctx, 401, word(ctx, "error.signInFirst"));
            return;
        }
        Optional<StoredSubmission> submission = visible(viewer, ctx.pathParam("id"));
        if (submission.isEmpty()) {
            notFound(ctx);
            return;
        }
        String language = language(ctx);
        Map<String, Object> model = base(ctx, viewer);
        model.put("s", submissionModel(submission.get(), SubmissionScore.viewFor(viewer.instructor(), rules(), now()), language));
        model.put("rules", rulesModel(language));
        ctx.html(pages.render("submission.ftlh", language, model));
    }

    private void report(Context ctx) {
        Viewer viewer = viewer(ctx);
        Optional<StoredSubmission> submission = viewer.signedIn() ? visible(viewer, ctx.pathParam("id")) : Optional.empty();
        Optional<Path> file = submission.flatMap(s -> portal.files().report(s,
                SubmissionScore.viewFor(viewer.instructor(), rules(), now()), "report.html"));
        serveReport(ctx, file);
    }

    private void countedReport(Context ctx) {
        if (!viewer(ctx).instructor()) {
            notFound(ctx);
            return;
        }
        serveReport(ctx, portal.gradebook().countedOf(ctx.pathParam("student"))
                .flatMap(s -> portal.files().report(s, ReportView.INSTRUCTOR, "report.html")));
    }

    private void serveReport(Context ctx, Optional<Path> file) {
        if (file.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.header("Content-Security-Policy", REPORT_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(read(file.get()));
    }

    private void instructorPage(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.instructor()) {
            showSignIn(ctx, 401, word(ctx, "error.instructorOnly"));
            return;
        }
        String language = language(ctx);
        Map<String, Object> model = base(ctx, viewer);
        model.put("lines", classModel(language));
        model.put("rules", rulesModel(language));
        model.put("notice", Optional.ofNullable(ctx.queryParam("regraded")).orElse(""));
        ctx.html(pages.render("instructor.ftlh", language, model));
    }

    private void regradeForm(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.instructor() || !csrfOk(ctx, viewer)) {
            ctx.status(403).html(word(ctx, "error.csrf"));
            return;
        }
        ctx.redirect("/admin?regraded=" + portal.regradeAll());
    }

    private void export(Context ctx, Gradebook.Format format, String file) {
        if (!viewer(ctx).instructor()) {
            ctx.status(401).json(error("unauthorized", word(ctx, "error.instructorOnly")));
            return;
        }
        Path dir = TemporaryFolder.create("coursekit-portal-export-");
        try {
            portal.gradebook().export(format, Wording.of(language(ctx)), dir);
            boolean csv = file.endsWith(".csv");
            ctx.contentType(csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8");
            if (csv) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + portal.settings().lab().id() + "-"
                        + (format == Gradebook.Format.CANVAS ? "canvas" : "gradebook") + ".csv\"");
            } else {
                ctx.header("Content-Security-Policy", REPORT_POLICY);
            }
            ctx.result(read(dir.resolve(file)));
        } finally {
            TemporaryFolder.delete(dir);
        }
    }

    private void asset(Context ctx) {
        byte[] bytes = assets.get(ctx.pathParam("file"));
        if (bytes == null) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", "max-age=300");
        ctx.contentType(ctx.pathParam("file").endsWith(".css") ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8").result(bytes);
    }

    private void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(404).json(error("not_found", word(ctx, "error.notFound")));
            return;
        }
        Map<String, Object> model = base(ctx, viewer(ctx));
        model.put("problem", word(ctx, "error.notFound"));
        ctx.status(404).html(pages.render("error.ftlh", language(ctx), model));
    }

    // ---- the JSON API

    private void apiSubmit(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (viewer.student().isEmpty()) {
            unauthorized(ctx);
            return;
        }
        if (!csrfOk(ctx, viewer)) {
            ctx.status(403).json(error("csrf", word(ctx, "error.csrf")));
            return;
        }
        try {
            SubmissionDesk.Accepted accepted = portal.desk().submit(viewer.student().get().id(), parts(ctx));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", accepted.submission().id());
            body.put("status", accepted.submission().status().apiName());
            body.put("identical", accepted.identical());
            body.put("url", "/api/submissions/" + accepted.submission().id());
            ctx.header("Location", "/api/submissions/" + accepted.submission().id());
            ctx.status(accepted.identical() ? 200 : 201).json(body);
        } catch (UploadRefused e) {
            Map<String, Object> body = error(e.reason().code(), refusal(ctx, e));
            body.put("detail", e.detail());
            e.retryAt().ifPresent(at -> {
                body.put(e.reason() == UploadRefused.Reason.RATE_LIMITED ? "next_allowed_at" : "closed_at", at.toString());
                if (e.reason() == UploadRefused.Reason.RATE_LIMITED) {
                    ctx.header("Retry-After", String.valueOf(Math.max(1, Duration.between(now(), at).toSeconds() + 1)));
                }
            });
            ctx.status(e.reason().status()).json(body);
        }
    }

    private void apiSubmission(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.signedIn()) {
            unauthorized(ctx);
            return;
        }
        Optional<StoredSubmission> submission = visible(viewer, ctx.pathParam("id"));
        if (submission.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.json(submissionJson(submission.get(), SubmissionScore.viewFor(viewer.instructor(), rules(), now()), ctx));
    }

    private void apiMine(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (viewer.student().isEmpty()) {
            unauthorized(ctx);
            return;
        }
        String student = viewer.student().get().id();
        ReportView view = SubmissionScore.viewFor(false, rules(), now());
        List<StoredSubmission> mine = portal.store().submissionsOf(student);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student", student);
        body.put("score_policy", rules().scorePolicy().yamlName());
        Optional<SubmissionScore.Counted> counted = SubmissionScore.counted(mine, portal.settings().lab(), rules(), view);
        body.put("score", counted.map(c -> c.score().points()).orElse(null));
        body.put("max", counted.map(c -> c.score().max()).orElse(null));
        body.put("counted", counted.map(c -> c.submission().id()).orElse(null));
        body.put("submissions", mine.stream().map(s -> submissionJson(s, view, ctx)).toList());
        ctx.json(body);
    }

    private void apiClass(Context ctx) {
        if (!viewer(ctx).instructor()) {
            unauthorized(ctx);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lab", portal.settings().lab().id());
        body.put("students", classModel(language(ctx)));
        ctx.json(body);
    }

    private void apiRegrade(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.instructor()) {
            unauthorized(ctx);
            return;
        }
        if (!csrfOk(ctx, viewer)) {
            ctx.status(403).json(error("csrf", word(ctx, "error.csrf")));
            return;
        }
        ctx.status(202).json(Map.of("queued", portal.regradeAll()));
    }

    private void unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer");
        ctx.status(401).json(error("unauthorized", word(ctx, "error.unknownToken")));
    }

    // ---- models

    private Map<String, Object> base(Context ctx, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("lab", Map.of("id", portal.settings().lab().id(), "title", portal.settings().lab().title()));
        model.put("student", viewer.student().map(s -> Map.of("id", s.id(), "name", s.name().isEmpty() ? s.id() : s.name()))
                .orElse(Map.of()));
        model.put("instructor", viewer.instructor());
        model.put("csrf", viewer.session().map(PortalStore.Session::csrf).orElse(""));
        model.put("signedIn", viewer.session().isPresent());
        model.put("path", ctx.path());
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        return model;
    }

    private Map<String, Object> rulesModel(String language) {
        PortalRules rules = rules();
        Map<String, Object> model = new HashMap<>();
        model.put("due", rules.due().map(this::time).orElse(""));
        model.put("closes", rules.closesAt().filter(c -> !rules.lateWindow().isZero()).map(this::time).orElse(""));
        model.put("penalty", rules.latePenalty());
        model.put("rateLimit", rules.rateLimit());
        model.put("rateMinutes", rules.ratePeriod().toMinutes());
        model.put("uploadKib", rules.uploadBytes() / 1024);
        model.put("policy", PortalPages.word(language, "policy." + rules.scorePolicy().yamlName()));
        return model;
    }

    /** A submission for a page: its words already in the page's language. */
    private Map<String, Object> submissionModel(StoredSubmission s, ReportView view, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", s.id());
        model.put("number", s.number());
        model.put("student", s.student());
        model.put("received", time(s.received()));
        model.put("status", s.status().apiName());
        model.put("statusWord", PortalPages.word(language, "status." + s.status().apiName()));
        model.put("finished", s.status().finished());
        model.put("late", rules().late(s.received()));
        model.put("problem", s.problem());
        Optional<SubmissionScore> score = SubmissionScore.of(s, portal.settings().lab(), rules(), view);
        model.put("graded", score.isPresent());
        model.put("points", score.map(SubmissionScore::points).orElse(0));
        model.put("max", score.map(SubmissionScore::max).orElse(0));
        model.put("beforePenalty", score.map(SubmissionScore::beforePenalty).orElse(0));
        model.put("hiddenChecks", score.map(SubmissionScore::hiddenChecks).orElse(0));
        model.put("reportUrl", "/submissions/" + s.id() + "/report.html");
        return model;
    }

    private Map<String, Object> submissionJson(StoredSubmission s, ReportView view, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("student", s.student());
        body.put("number", s.number());
        body.put("status", s.status().apiName());
        body.put("status_text", word(ctx, "status." + s.status().apiName()));
        body.put("received_at", s.received().toString());
        body.put("late", rules().late(s.received()));
        Optional<SubmissionScore> score = SubmissionScore.of(s, portal.settings().lab(), rules(), view);
        score.ifPresent(value -> {
            body.put("score", value.points());
            body.put("max", value.max());
            body.put("score_before_penalty", value.beforePenalty());
            body.put("penalty_percent", value.late() ? rules().latePenalty() : 0);
            body.put("hidden_checks", value.hiddenChecks());
            body.put("checks", value.checks().stream().map(c -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("id", c.id());
                check.put("passed", c.passed());
                check.put("score", c.score());
                check.put("points", c.points());
                check.put("extra_credit", c.extraCredit());
                return check;
            }).toList());
            body.put("report_url", "/submissions/" + s.id() + "/report.html");
        });
        s.graded().ifPresent(at -> body.put("graded_at", at.toString()));
        if (!s.problem().isEmpty()) {
            body.put("problem", s.problem());
        }
        return body;
    }

    private List<Map<String, Object>> classModel(String language) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ClassGradebook.Line line : portal.gradebook().lines()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("student", line.student().id());
            model.put("name", line.student().name());
            model.put("section", line.student().section());
            model.put("submissions", line.submissions());
            model.put("late", line.anyLate());
            model.put("score", line.counted().map(c -> c.score().points()).orElse(null));
            model.put("max", line.counted().map(c -> c.score().max()).orElse(null));
            model.put("counted", line.counted().map(c -> c.submission().id()).orElse(null));
            model.put("counted_late", line.counted().map(c -> c.score().late()).orElse(false));
            model.put("status", line.latest().map(s -> s.status().apiName()).orElse(""));
            model.put("status_text", line.latest().map(s -> PortalPages.word(language, "status." + s.status().apiName()))
                    .orElse(PortalPages.word(language, "status.none")));
            model.put("latest", line.latest().map(StoredSubmission::id).orElse(null));
            model.put("last_received", line.latest().map(s -> time(s.received())).orElse(""));
            lines.add(model);
        }
        return lines;
    }

    // ---- bits

    /** The files of a multipart upload; a dropped folder sends each file's path in a {@code path} field beside it. */
    private List<SubmissionDesk.UploadedPart> parts(Context ctx) {
        List<UploadedFile> files;
        List<String> paths;
        try {
            files = ctx.uploadedFiles("file");
            paths = ctx.formParams("path");
        } catch (RuntimeException e) {
            // Jetty stops reading a multipart body past its limits, or one that is not multipart at all
            long length = ctx.contentLength();
            throw length > portal.settings().rules().uploadBytes()
                    ? new UploadRefused(UploadRefused.Reason.TOO_LARGE, (length + 1023) / 1024 + " KiB")
                    : new UploadRefused(UploadRefused.Reason.BAD_UPLOAD, "not a multipart/form-data upload with a 'file' field");
        }
        List<SubmissionDesk.UploadedPart> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            String name = paths.size() == files.size() && !paths.get(i).isBlank() ? paths.get(i) : file.filename();
            try (InputStream in = file.content()) {
                parts.add(new SubmissionDesk.UploadedPart(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read an uploaded file", e);
            }
        }
        if (parts.isEmpty()) {
            throw new UploadRefused(UploadRefused.Reason.NO_SOURCES, "no file in the upload's 'file' field");
        }
        return parts;
    }

    /** A refusal in the reader's words, with the grader's detail when it has one. */
    private String refusal(Context ctx, UploadRefused e) {
        String reason = e.retryAt().isPresent() ? word(ctx, "refused." + e.reason().code(), time(e.retryAt().get()))
                : word(ctx, "refused." + e.reason().code());
        return e.detail().isEmpty() || e.reason() == UploadRefused.Reason.RATE_LIMITED ? reason
                : reason + " (" + e.detail() + ")";
    }

    private Optional<StoredSubmission> visible(Viewer viewer, String id) {
        return portal.store().submission(id).filter(viewer::maySee);
    }

    private PortalRules rules() {
        return portal.settings().rules();
    }

    private String time(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(rules().timeZone()).format(at);
    }

    private String word(Context ctx, String key, Object... values) {
        return PortalPages.word(language(ctx), key, values);
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    private void setCookie(Context ctx, String name, String value, Duration life) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + life.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
    }

    /** Compares in constant time, so the admin token cannot be guessed one character at a time. */
    private static boolean sameSecret(String given, String secret) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PortalServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

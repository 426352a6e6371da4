package com.keyhold.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.devserver.Nginx;
import com.keyhold.devserver.PayaraDeploymentGroup;
import com.keyhold.devserver.PayaraDeploymentGroup.Instance;
import com.keyhold.devserver.PayaraDomain;
import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.CheckInLoops;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.KeyholdTestServer;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 17: Keyhold on a Payara Server deployment group of two instances on one machine, behind
 * Debian's nginx, sharing one MariaDB (README "Scaling out"). The test server's domain is the
 * administration server; it runs no Keyhold itself (no Arquillian deployment here). Runs:
 * <ol>
 * <li>activations racing on both instances and through the load balancer take exactly the free
 * seats (SPEC L5), three rounds;</li>
 * <li>check-ins on both instances, coalesced per instance, never undo a deactivation made meanwhile
 * (SPEC C3, C4);</li>
 * <li>each persistent schedule is stored once in the timer table and its next mark runs it once on
 * the whole group (every run is logged at FINE, counted in both instances' logs);</li>
 * <li>a signed-in browser session survives the loss (SIGKILL) of the instance it was on;</li>
 * <li>when the instance owning the schedules is lost, they are moved to the survivor and go on there
 * (by Payara itself, or by the operator's {@code asadmin migrate-timers}: which one is reported).</li>
 * </ol>
 * Ends with the {@code N passed, N failed} line; appended to {@code bench/drills/<date>.md}.
 */
@ExtendWith(KeyholdServerExtension.class)
class TwoInstanceDrill {

    private static final String GROUP = "keyhold-dg";
    private static final Instance FIRST = new Instance("keyhold-i1", 21000);
    private static final Instance SECOND = new Instance("keyhold-i2", 22000);
    private static final int BALANCER_PORT = 23580;
    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void twoInstancesBehindALoadBalancerOnOneDatabase() throws Exception {
        KeyholdTestServer server = KeyholdServerExtension.server();
        PayaraDomain das = server.payaraDomain();
        Path work = Path.of(System.getProperty("keyhold.work", "target/it")).resolve("cluster").toAbsolutePath();
        Files.createDirectories(work);
        Map<String, String> properties = new LinkedHashMap<>(server.properties());
        // one signing-key encryption key for the group, as a deployer gives it (README "Scaling out")
        properties.put("keyhold.signing.encryption-key-file", work.resolve("keyhold-signing-encryption.key").toString());
        properties.put("keyhold.base-url", "http://localhost:" + BALANCER_PORT);

        PayaraDeploymentGroup group = PayaraDeploymentGroup.create(das, GROUP, List.of(FIRST, SECOND), properties,
                PayaraDomain.TIMER_RESOURCE);
        for (Instance instance : List.of(FIRST, SECOND)) {
            das.remote(List.of("set-log-levels", "--target", instance.name() + "-config", "com.keyhold.server=FINE"));
        }
        DrillReport report = new DrillReport("Two Payara instances in a deployment group behind nginx, one database");
        Nginx nginx = null;
        try {
            // the first start on a fresh database alone (it migrates and creates the first operator), then the second
            Instant deploying = Instant.now();
            group.start(FIRST);
            group.deploy(Path.of(System.getProperty("keyhold.ear")), "keyhold");
            awaitAnswering(FIRST);
            group.start(SECOND);
            awaitAnswering(SECOND);
            System.out.println("[two instances] both instances answer " + Duration.between(deploying, Instant.now()).toSeconds()
                    + " s after the first start");
            nginx = Nginx.start(work.resolve("nginx"), BALANCER_PORT, List.of(FIRST.httpPort(), SECOND.httpPort()));
            server.routeThrough(nginx.baseUrl());

            int run = 0;
            for (int round = 1; round <= 3; round++) {
                report(report, ++run, "activations exactly-k, round " + round, () -> exactlyK(nginx()));
            }
            report(report, ++run, "coalesced check-ins of both instances", TwoInstanceDrill::coalescedWritesKeepStatusChanges);
            report(report, ++run, "persistent schedules once per group", () -> schedulesRunOnce(group));
            Nginx balancer = nginx;
            report(report, ++run, "a session survives the loss of its instance", () -> sessionSurvivesInstanceLoss(group, balancer));
            report(report, ++run, "schedules go on after the loss of their owner", () -> schedulesMoveToTheSurvivor(group, das));
        } finally {
            server.routeThrough(null);
            if (nginx != null) {
                nginx.close();
            }
            try {
                group.undeploy("keyhold");
            } catch (RuntimeException alreadyGone) {
                // an instance that did not come up
            }
            group.remove();
        }
        assertEquals(0, report.failed(), report.finish());
    }

    private static String nginx() {
        return KeyholdServerExtension.server().baseUrl();
    }

    /** One run: what it measured, or why it failed. */
    private interface Run {
        String measure() throws Exception;
    }

    private static void report(DrillReport report, int number, String name, Run run) {
        try {
            report.run(number, true, name + ": " + run.measure(), List.of());
        } catch (Throwable failure) {
            report.run(number, false, name, List.of(String.valueOf(failure)));
        }
    }

    private static void awaitAnswering(Instance instance) {
        if (!PayaraDeploymentGroup.answers(instance, "/api/v1/signing-key", START)) {
            throw new IllegalStateException(instance.name() + " does not answer on port " + instance.httpPort());
        }
    }

    /** 10 free seats, 40 activations released together: a third on each instance, a third through nginx. */
    private static String exactlyK(String balancer) {
        int seats = 10;
        int calls = 40;
        Accounts.Business acme = Accounts.withDesktopSubscription(seats);
        String key = acme.subscription().primaryKey();
        List<String> bases = List.of(FIRST.baseUrl(), SECOND.baseUrl(), balancer);
        List<Callable<String>> activations = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String base = bases.get(i % bases.size());
            activations.add(() -> {
                Http.Answer answer = Http.postJson(base + "/api/v1/client/activations", "{\"key\":\"" + key
                        + "\",\"hardwareId\":\"" + Clients.newHardwareId() + "\",\"computerName\":\"Lab Mac\"}");
                String upstream = answer.header("X-Keyhold-Upstream").orElse(base.endsWith(":" + FIRST.httpPort())
                        ? "127.0.0.1:" + FIRST.httpPort() : "127.0.0.1:" + SECOND.httpPort());
                return (answer.status() == 201 ? "201" : answer.status() + " " + answer.json().getString("code")) + " @" + upstream;
            });
        }
        List<String> answers = Concurrently.run(activations);
        Map<String, Long> outcomes = answers.stream().map(a -> a.substring(0, a.indexOf(" @")))
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
        Map<String, Long> byInstance = answers.stream().map(a -> a.substring(a.indexOf(" @") + 2))
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
        int active = acme.computers("?status=ACTIVE").json().getInt("total");
        assertEquals(Map.of("201", (long) seats, "409 NO_SEATS_AVAILABLE", (long) (calls - seats)), outcomes,
                "outcomes " + outcomes + " by instance " + byInstance);
        assertEquals(seats, active, "active computers of the key");
        assertEquals(2, byInstance.size(), "both instances answered: " + byInstance);
        return "outcomes " + outcomes + ", answered by " + byInstance + ", " + active + " active";
    }

    /** Check-ins alternate between the instances while half the computers are deactivated through nginx. */
    private static String coalescedWritesKeepStatusChanges() throws Exception {
        int computers = 8;
        Accounts.Business acme = Accounts.withDesktopSubscription(computers);
        List<JsonObject> fleet = new ArrayList<>();
        for (int i = 0; i < computers; i++) {
            Http.Answer answer = Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId());
            assertEquals(201, answer.status(), answer.body());
            fleet.add(answer.json());
        }
        CheckInLoops loops = CheckInLoops.start(List.of(FIRST.baseUrl(), SECOND.baseUrl()), fleet, 6);
        Thread.sleep(1_500);
        for (int i = 0; i < computers / 2; i++) {
            assertEquals(200, acme.action("deactivate", "{\"ids\":[\"" + fleet.get(i).getString("activationId") + "\"]}").status());
            Thread.sleep(150);
        }
        Thread.sleep(2_500);
        int answered = loops.stop();
        Thread.sleep(5_000); // both instances' flushes
        int recorded = 0;
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement read = db.prepareStatement("SELECT status, last_contact_at FROM activations WHERE id = ?")) {
            for (int i = 0; i < computers; i++) {
                read.setString(1, fleet.get(i).getString("activationId"));
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    assertEquals(i < computers / 2 ? "DEACTIVATED" : "ACTIVE", row.getString(1), "stored status of computer " + i);
                    if (row.getTimestamp(2).toInstant().isAfter(Instant.now().minusSeconds(60))) {
                        recorded++;
                    }
                }
            }
        }
        assertEquals(computers, recorded, "every computer's last contact recorded");
        return answered + " check-ins on the two instances, " + computers / 2 + " deactivations kept, " + recorded
                + " last contacts recorded";
    }

    /**
     * The timer table holds each persistent schedule once (not once per instance), owned by an
     * instance of the group; the invitation sweep's next five-minute mark runs it once in the group.
     */
    private static String schedulesRunOnce(PayaraDeploymentGroup group) throws Exception {
        Map<String, String> owners = timerOwners();
        assertEquals(4, owners.size(), "the four persistent schedules: " + owners);
        for (String owner : owners.values()) {
            if (!owner.equals(FIRST.name()) && !owner.equals(SECOND.name())) {
                throw new AssertionError("a schedule owned by " + owner + ", not an instance of the group: " + owners);
            }
        }
        // wait past the next five-minute mark, then count the invitation sweep's runs in both logs
        long before = runs(group, "invitation sweep runs");
        Instant mark = nextFiveMinuteMark();
        Thread.sleep(Duration.between(Instant.now(), mark).plusSeconds(40).toMillis());
        long after = runs(group, "invitation sweep runs");
        assertEquals(1, after - before, "runs of the invitation sweep at the mark " + mark + " in the whole group");
        return owners.size() + " persistent schedules stored once each, owners " + new TreeMap<>(owners.values().stream()
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()))) + "; the invitation sweep ran once at " + mark;
    }

    /**
     * The instance that owns the persistent schedules is lost (SIGKILL). Whether Payara moves its
     * timers by itself is measured; then the operator's step of README "Scaling out",
     * {@code asadmin migrate-timers --target <survivor> <lost>}, and the next five-minute mark runs
     * the invitation sweep once, on the survivor.
     */
    private static String schedulesMoveToTheSurvivor(PayaraDeploymentGroup group, PayaraDomain das) throws Exception {
        Map<String, String> owners = timerOwners();
        Instance owner = owners.values().iterator().next().equals(FIRST.name()) ? FIRST : SECOND;
        Instance survivor = owner == FIRST ? SECOND : FIRST;
        group.kill(owner);
        Thread.sleep(30_000);
        Map<String, String> unattended = timerOwners();
        boolean movedByItself = unattended.values().stream().allMatch(survivor.name()::equals);
        if (!movedByItself) {
            das.remote(List.of("migrate-timers", "--target", survivor.name(), owner.name()));
        }
        Map<String, String> moved = timerOwners();
        assertEquals(4, moved.size(), "still one stored timer per schedule: " + moved);
        for (String movedOwner : moved.values()) {
            assertEquals(survivor.name(), movedOwner, "every schedule now owned by the survivor: " + moved);
        }
        long before = runs(group, "invitation sweep runs");
        Instant mark = nextFiveMinuteMark();
        Thread.sleep(Duration.between(Instant.now(), mark).plusSeconds(40).toMillis());
        long after = runs(group, "invitation sweep runs");
        assertEquals(1, after - before, "runs of the invitation sweep at " + mark + " after the owner's loss");
        return owner.name() + " (owner of the schedules) killed; 30 s later Payara had "
                + (movedByItself ? "moved its timers by itself" : "not moved its timers (owners " + unattended.values()
                        .stream().distinct().toList() + "); asadmin migrate-timers moved them")
                + " to " + survivor.name() + ", where the invitation sweep ran once at " + mark;
    }

    private static Instant nextFiveMinuteMark() {
        long minute = Instant.now().getEpochSecond() / 60;
        return Instant.ofEpochSecond((minute / 5 + 1) * 5 * 60);
    }

    /** Schedule → owning instance, as the timer table in Keyhold's database holds them. */
    private static Map<String, String> timerOwners() throws Exception {
        Map<String, String> owners = new TreeMap<>();
        try (Connection db = KeyholdServerExtension.server().connect();
                ResultSet rows = db.createStatement().executeQuery("SELECT `SCHEDULE`, OWNERID FROM EJB__TIMER__TBL")) {
            while (rows.next()) {
                String schedule = rows.getString(1);
                String previous = owners.put(schedule, rows.getString(2));
                if (previous != null) {
                    throw new AssertionError("the schedule " + schedule + " is stored twice (owners " + previous + " and "
                            + rows.getString(2) + ")");
                }
            }
        }
        return owners;
    }

    private static long runs(PayaraDeploymentGroup group, String line) throws Exception {
        long count = 0;
        for (Instance instance : group.instances()) {
            Path log = group.serverLog(instance);
            if (Files.exists(log)) {
                Matcher matcher = Pattern.compile(Pattern.quote(line)).matcher(Files.readString(log));
                while (matcher.find()) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Signed in with "keep me signed in" through nginx (the pages stick to one instance), the
     * instance serving the session is killed; the next page is served by the other instance, which
     * knows no such session and signs the browser in again from its remember-me cookie. A sign-in
     * without "keep me signed in" is measured too (Keyhold does not replicate sessions).
     */
    private static String sessionSurvivesInstanceLoss(PayaraDeploymentGroup group, Nginx balancer) throws Exception {
        String kept = Users.uniqueEmail("kept");
        String plain = Users.uniqueEmail("plain");
        Users.signUp(kept);
        Users.signUp(plain);
        try (Browser keptBrowser = new Browser(); Browser plainBrowser = new Browser()) {
            keptBrowser.open("/login.xhtml");
            keptBrowser.type("signIn:email", kept).type("signIn:password", Users.PASSWORD);
            keptBrowser.find("signIn:keepSignedIn").findElement(By.cssSelector(".ui-chkbox-box")).click();
            keptBrowser.clickAndWaitForPage("signIn:submit");
            assertEquals("/app/dashboard.xhtml", keptBrowser.path());
            plainBrowser.signIn(plain, Users.PASSWORD);

            // the pages of this client go to one instance (ip_hash): which one nginx names in its answer
            String upstream = Http.get(balancer.baseUrl() + "/login.xhtml").header("X-Keyhold-Upstream").orElseThrow();
            Instance serving = upstream.endsWith(":" + FIRST.httpPort()) ? FIRST : SECOND;
            Instance other = serving == FIRST ? SECOND : FIRST;
            group.kill(serving);
            Instant killed = Instant.now();

            keptBrowser.open("/app/dashboard.xhtml");
            String keptPath = keptBrowser.path();
            boolean keptWelcome = !keptBrowser.driver().findElements(By.id("welcome")).isEmpty();
            Duration firstPage = Duration.between(killed, Instant.now());
            plainBrowser.open("/app/dashboard.xhtml");
            String plainPath = plainBrowser.path();
            String servedBy = Http.get(balancer.baseUrl() + "/login.xhtml").header("X-Keyhold-Upstream").orElseThrow();

            group.start(serving); // back for whatever follows
            awaitAnswering(serving);
            assertEquals("/app/dashboard.xhtml", keptPath, "kept signed in after the loss of " + serving.name());
            assertEquals(true, keptWelcome, "the dashboard, signed in");
            assertEquals(true, servedBy.endsWith(":" + other.httpPort()), "nginx sent the pages to " + other.name() + ": " + servedBy);
            return "session on " + serving.name() + " (SIGKILL); with \"keep me signed in\" the next page came from "
                    + other.name() + " signed in (" + firstPage.toMillis() + " ms); without it the browser landed on "
                    + plainPath + " (sessions are not replicated)";
        }
    }
}

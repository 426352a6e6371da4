package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server deployment group of local instances (issue 17, README "Scaling out"), made and
 * driven through the domain administration server's asadmin: {@code create-deployment-group},
 * {@code create-instance --node localhost-<domain> --deploymentgroup}, the instances' own system
 * properties (the same {@code keyhold.*} values as a single server), the EJB timer service of each
 * instance's configuration pointed at Keyhold's database through the domain's server-level timer
 * pool, and {@code deploy --target <group>}. Payara's Hazelcast forms the group's data grid itself.
 */
public final class PayaraDeploymentGroup {

    /** An instance of the group: its name and its {@code --portbase} (HTTP on base + 80). */
    public record Instance(String name, int portBase) {
        public int httpPort() {
            return portBase + 80;
        }

        public String baseUrl() {
            return "http://localhost:" + httpPort();
        }
    }

    private final PayaraDomain das;
    private final String name;
    private final List<Instance> instances;

    private PayaraDeploymentGroup(PayaraDomain das, String name, List<Instance> instances) {
        this.das = das;
        this.name = name;
        this.instances = instances;
    }

    /**
     * Creates the group and its instances on the running domain (what an earlier run left is removed
     * first), gives every instance {@code properties} and points its timer service at
     * {@code timerResource}, a server-level JDBC resource the domain already has.
     */
    public static PayaraDeploymentGroup create(PayaraDomain das, String name, List<Instance> instances,
            Map<String, String> properties, String timerResource) {
        PayaraDeploymentGroup group = new PayaraDeploymentGroup(das, name, instances);
        group.removeLeftovers();
        das.remote(List.of("create-deployment-group", name));
        for (Instance instance : instances) {
            das.remote(List.of("create-instance", "--node", group.node(), "--deploymentgroup", name,
                    "--portbase", Integer.toString(instance.portBase()), "--checkports=true", instance.name()));
            das.setSystemProperties(instance.name(), properties);
            String config = "configs.config." + instance.name() + "-config.";
            das.remote(List.of("set", config + "ejb-container.ejb-timer-service.timer-datasource=" + timerResource));
            String http = config + "network-config.protocols.protocol.http-listener-1.http.";
            das.remote(List.of("set", http + "cookie-same-site-value=Lax"));
            das.remote(List.of("set", http + "cookie-same-site-enabled=true"));
            das.remote(List.of("set", http + "allow-payload-for-undefined-http-methods=true"));
        }
        das.remote(List.of("create-resource-ref", "--target", name, timerResource));
        return group;
    }

    private void removeLeftovers() {
        String existing = das.remote(List.of("list-instances"));
        for (Instance instance : instances) {
            if (existing.contains(instance.name())) {
                try {
                    das.remote(List.of("stop-instance", "--kill=true", instance.name()));
                } catch (IllegalStateException notRunning) {
                    // stopped already
                }
                das.remote(List.of("delete-instance", instance.name()));
            }
        }
        if (das.remote(List.of("list-deployment-groups")).lines().anyMatch(line -> line.strip().startsWith(name))) {
            das.remote(List.of("delete-deployment-group", name));
        }
    }

    /** The CONFIG node Payara makes for every domain: local instances live under it. */
    private String node() {
        return "localhost-" + das.name();
    }

    public List<Instance> instances() {
        return instances;
    }

    public void start(Instance instance) {
        das.remote(List.of("start-instance", instance.name()));
    }

    public void stop(Instance instance) {
        das.remote(List.of("stop-instance", instance.name()));
    }

    /** Deploys to the group: every instance of it, running or started later, gets the application. */
    public void deploy(Path ear, String applicationName) {
        das.remote(List.of("deploy", "--force=true", "--target", name, "--name", applicationName, ear.toString()));
    }

    public void undeploy(String applicationName) {
        das.remote(List.of("undeploy", "--target", name, applicationName));
    }

    /** Stops every instance and removes them and the group. */
    public void remove() {
        removeLeftovers();
    }

    public Path instanceDir(Instance instance) {
        return das.payaraHome().resolve("glassfish/nodes").resolve(node()).resolve(instance.name());
    }

    public Path serverLog(Instance instance) {
        return instanceDir(instance).resolve("logs/server.log");
    }

    /** A crash of one instance: its JVM killed with SIGKILL (no shutdown, no flush). */
    public void kill(Instance instance) {
        try {
            long pid = Long.parseLong(Files.readString(instanceDir(instance).resolve("config/pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + instance.name(), e);
        }
    }

    /** Whether the instance's application answers {@code path} with 200 within {@code patience}. */
    public static boolean answers(Instance instance, String path, Duration patience) {
        return HttpProbe.answers(instance.httpPort(), path, status -> status == 200, patience);
    }
}

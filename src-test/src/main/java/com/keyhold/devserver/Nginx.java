package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx as the load balancer in front of a deployment group (issue 17), with a
 * configuration of its own in a work folder (no system configuration touched): {@code /api/} is
 * spread round-robin over the instances, since every API request stands alone; the pages stick to one
 * instance per client ({@code ip_hash}), since a JSF view lives in its instance's session; an
 * instance that refuses connections is taken out for 5 s and the request goes to the next one (a
 * POST only when it never reached the first: nginx does not repeat non-idempotent requests). Each
 * answer names the instance that gave it in {@code X-Keyhold-Upstream}.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path prefix;
    private final Path config;
    private final int port;

    private Nginx(Path prefix, Path config, int port) {
        this.prefix = prefix;
        this.config = config;
        this.port = port;
    }

    /** Starts nginx on 127.0.0.1:{@code port} in front of {@code upstreamPorts}; installs it from Debian when absent. */
    public static Nginx start(Path workDir, int port, List<Integer> upstreamPorts) {
        installIfAbsent();
        try {
            Path prefix = workDir.toAbsolutePath();
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("temp"));
            String servers = upstreamPorts.stream()
                    .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                    .collect(Collectors.joining("\n"));
            String text = """
                    worker_processes 1;
                    daemon on;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 2048; }
                    http {
                      access_log %1$s/logs/access.log;
                      client_body_temp_path %1$s/temp/body;
                      proxy_temp_path %1$s/temp/proxy;
                      fastcgi_temp_path %1$s/temp/fastcgi;
                      uwsgi_temp_path %1$s/temp/uwsgi;
                      scgi_temp_path %1$s/temp/scgi;
                      client_max_body_size 30m;
                      upstream keyhold_api {
                    %2$s
                        keepalive 64;
                      }
                      upstream keyhold_pages {
                        ip_hash;
                    %2$s
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout;
                        proxy_connect_timeout 2s;
                        add_header X-Keyhold-Upstream $upstream_addr always;
                        location /api/ { proxy_pass http://keyhold_api; }
                        location / { proxy_pass http://keyhold_pages; }
                      }
                    }
                    """.formatted(prefix, servers, port);
            Path config = prefix.resolve("nginx.conf");
            Files.writeString(config, text);
            Nginx nginx = new Nginx(prefix, config, port);
            nginx.command(List.of());
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private static void installIfAbsent() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        try {
            Process install = new ProcessBuilder("apt-get", "install", "-y", "-q", "nginx")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            install.waitFor(5, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new IllegalStateException("nginx is not installed and apt-get could not run: apt-get install nginx", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("nginx is needed as the load balancer: apt-get install nginx");
        }
    }

    private void command(List<String> extra) {
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString(), "-p", prefix.toString(), "-c", config.toString()));
        command.addAll(extra);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        command(List.of("-s", "quit"));
    }
}

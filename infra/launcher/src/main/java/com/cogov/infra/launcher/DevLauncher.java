package com.cogov.infra.launcher;

import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's run command: starts the dev services (embedded MariaDB and Redis, fake WeChat and data centre, demo
 * data), then both apps from their production jars as separate processes, exactly as they run in production but
 * for the addresses in their environment, and prints where to go. Ctrl-C stops everything.
 *
 * <p>System properties: {@code cogov.root} (the checkout), {@code cogov.wipe=true} (start from empty data),
 * {@code cogov.bff.port} / {@code cogov.portal.port} (default 8080 / 8081; management ports are these + 1000, see
 * {@link Ports}). The run profile in this module's pom forwards each from the Maven property of the same name, so
 * {@code -Dcogov.bff.port=18080} on the run command reaches this JVM. With the environment variable
 * {@value #DRY_RUN} set to {@code true} the launcher prints what it would start and exits, starting nothing.
 */
public final class DevLauncher {

    static final String DRY_RUN = "COGOV_LAUNCHER_DRY_RUN";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private DevLauncher() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root =
                Path.of(System.getProperty("cogov.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".devdata");
        Ports ports;
        try {
            ports = Ports.from(System.getProperties());
        } catch (IllegalArgumentException e) {
            exit(e.getMessage());
            return;
        }
        boolean wipe = Boolean.getBoolean("cogov.wipe");
        if (Boolean.parseBoolean(System.getenv(DRY_RUN))) {
            say("Dry run (" + DRY_RUN + "): would start the " + ports + "; data in " + data
                    + (wipe ? ", wiped first" : ""));
            return;
        }
        // Before the wipe: a run that cannot start must not have thrown the data away.
        for (Ports.Use use : ports.uses()) {
            requireFree(use);
        }
        if (wipe) {
            deleteRecursively(data);
        }
        int bffPort = ports.bff();
        int portalPort = ports.portal();

        say("Starting the embedded default (data in " + data + ") ...");
        DevServices services;
        try {
            services = DevServices.startPersistent(data, System.getenv());
        } catch (RuntimeException e) {
            System.err.println("\nCould not start the dev services: " + e.getMessage() + "\nIf " + data
                    + " was made by an incompatible older version, start empty with -Dcogov.wipe=true.");
            System.exit(1);
            return;
        }
        List<AppProcess> apps = new ArrayList<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            apps.forEach(AppProcess::stop);
                            services.close();
                        },
                        "cogov-stop"));
        // Maven runs this launcher as its child. Ctrl-C reaches both; a SIGTERM to Maven alone would leave the apps,
        // MariaDB
        // and Redis running with nobody to stop them, so the launcher follows Maven out (the hook above stops them).
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(0)));

        try {
            Path logs = Files.createDirectories(data.resolve("logs"));
            apps.add(AppProcess.start(
                    "miniprogram-bff",
                    AppProcess.jarOf(root, "miniprogram-bff"),
                    env(services, bffPort, bffPort),
                    logs));
            apps.add(AppProcess.start(
                    "portal", AppProcess.jarOf(root, "portal"), env(services, portalPort, bffPort), logs));
            for (AppProcess app : apps) {
                app.awaitReady(READY_TIMEOUT);
            }
            if (services.weChat() != null) {
                // The fake WeChat pushes its image verdicts (wxa_media_check) to the BFF's message push route, signed,
                // within a fraction of a second, as WeChat does once the mini program's console names the address.
                services.weChat().setMediaCheckCallback(bffBase(bffPort) + "/wechat/callback");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("\nCould not start the apps: " + e.getMessage());
            System.exit(1); // runs the shutdown hook: stops whatever started
        }
        printBanner(services, bffPort, portalPort, data, Duration.ofNanos(System.nanoTime() - started));
        for (AppProcess app : apps) {
            app.waitFor();
        }
    }

    private static Map<String, String> env(DevServices services, int port, int bffPort) {
        Map<String, String> env = new HashMap<>(services.environment());
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("ENDPOINTS_ALL_PORT", String.valueOf(port + 1000));
        // Where WeChat fetches the images it checks (signed links served by the BFF); either app may send them.
        env.putIfAbsent("COGOV_CONTENT_CHECK_MEDIA_BASE_URL", bffBase(bffPort));
        return env;
    }

    private static String bffBase(int bffPort) {
        return "http://127.0.0.1:" + bffPort + "/mp/v1";
    }

    private static void printBanner(DevServices services, int bff, int portal, Path data, Duration took) {
        String demo = services.demo().map(DemoData.Summary::toString).orElse("external database: no demo data");
        say("""

                ================================================================================
                 cogov is up on the embedded default (ready in %d s)

                 Mini-program BFF   http://localhost:%d/mp/v1        API docs: http://localhost:%d/swagger-ui/index.html
                 Web portal         http://localhost:%d/portal/v1    API docs: http://localhost:%d/swagger-ui/index.html
                 Readiness          http://localhost:%d/health/readiness   http://localhost:%d/health/readiness
                 Metrics            http://localhost:%d/prometheus         http://localhost:%d/prometheus

                 Try it:  curl http://localhost:%d/mp/v1/drugs/barcode/%s

                 Mini-program sign-in (README, "Demo logins"):
                   curl -X POST localhost:%d/mp/v1/auth/wechat -H 'Content-Type: application/json' -d '{"code":"demo:demo-clerk"}'
                   (also demo:demo-manager, demo:demo-inspector, demo:demo-public)
                 Portal users (POST localhost:%d/portal/v1/auth/login; admin and operator enrol TOTP at first sign-in):
                %s
                 Fake WeChat API:   %s/__fake/requests
                 Demo data:         %s
                 Logs:              %s
                 Ctrl-C stops everything; data stays in %s (-Dcogov.wipe=true starts empty).
                ================================================================================
                """.formatted(
                took.toSeconds(),
                bff,
                bff,
                portal,
                portal,
                bff + 1000,
                portal + 1000,
                bff + 1000,
                portal + 1000,
                bff,
                DemoData.EXAMPLE_BARCODE,
                bff,
                portal,
                logins(services),
                services.weChat() == null ? "(external)" : services.weChat().baseUrl(),
                demo,
                data.resolve("logs"),
                data));
    }

    private static String logins(DevServices services) {
        StringBuilder out = new StringBuilder();
        services.demoPasswords().forEach((user, password) -> out.append("   %-11s %s%n".formatted(user, password)));
        return out.toString().stripTrailing();
    }

    private static void requireFree(Ports.Use use) {
        try (ServerSocket ignored = new ServerSocket(use.port(), 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (IOException e) {
            exit("Port " + use.port() + " (" + use.what() + ") is in use. Stop what holds it, or choose other ports,"
                    + " e.g. add -D" + Ports.BFF_PROPERTY + "=18080 -D" + Ports.PORTAL_PROPERTY + "=18081 to the run"
                    + " command (management ports are these + " + Ports.MANAGEMENT_OFFSET + ").");
        }
    }

    private static void exit(String message) {
        System.err.println("\n" + message);
        System.exit(1);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void say(String line) {
        System.out.println(line);
    }
}

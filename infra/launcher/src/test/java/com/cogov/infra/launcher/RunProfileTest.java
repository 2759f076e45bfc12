package com.cogov.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The run command's port settings reach the launcher. The run profile starts the launcher with exec:exec, which forks
 * a JVM of its own: a -D given to Maven reaches that JVM only if the profile's arguments forward it. A newcomer whose
 * port 8080 is taken depends on this, so it is checked end to end: Maven computes the run execution's arguments for
 * the given command line (its effective pom), and the launcher is started with exactly those arguments, in dry run
 * (it prints the ports it would use and starts nothing). exec:exec itself cannot run here: outside a full build
 * Maven 3.9 does not resolve the sibling modules it needs, and a full build would start the whole system.
 */
class RunProfileTest {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final String EXECUTION = "run-embedded-default";

    @Test
    void theRunProfileForwardsBothPortPropertiesWithDefaultsTheLauncherAgreesWith() throws Exception {
        Document pom = parse(ROOT.resolve("infra/launcher/pom.xml"));

        assertThat(runArguments(pom, ""))
                .contains(
                        "-D" + Ports.BFF_PROPERTY + "=${" + Ports.BFF_PROPERTY + "}",
                        "-D" + Ports.PORTAL_PROPERTY + "=${" + Ports.PORTAL_PROPERTY + "}");
        Element properties = child(pom.getDocumentElement(), "properties");
        assertThat(child(properties, Ports.BFF_PROPERTY).getTextContent()).isEqualTo(String.valueOf(Ports.DEFAULT_BFF));
        assertThat(child(properties, Ports.PORTAL_PROPERTY).getTextContent())
                .isEqualTo(String.valueOf(Ports.DEFAULT_PORTAL));
    }

    @Test
    void portsGivenOnTheRunCommandReachTheLauncher() throws Exception {
        List<String> arguments = runArgumentsAsMavenComputesThem("-Dcogov.bff.port=18080", "-Dcogov.portal.port=18081");

        assertThat(arguments).contains("-Dcogov.bff.port=18080", "-Dcogov.portal.port=18081");
        assertThat(dryRun(arguments))
                .contains("would start the mini-program BFF on 18080 (management 19080), portal on"
                        + " 18081 (management 19081)");
    }

    @Test
    void withoutPortsOnTheRunCommandTheLauncherGetsTheDefaults() throws Exception {
        List<String> arguments = runArgumentsAsMavenComputesThem();

        assertThat(dryRun(arguments))
                .contains("would start the mini-program BFF on 8080 (management 9080), portal on"
                        + " 8081 (management 9081)");
    }

    @Test
    void aTakenPortStopsTheLauncherBeforeAnythingStartsAndSaysHowToMove() throws Exception {
        Path root = Files.createTempDirectory("launcher-root");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Result result = launch(
                    List.of(
                            "-Dcogov.root=" + root,
                            "-Dcogov.bff.port=" + port,
                            "-Dcogov.portal.port=" + (port + 1),
                            "-classpath",
                            System.getProperty("java.class.path"),
                            DevLauncher.class.getName()),
                    false);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output())
                    .contains("Port " + port + " (mini-program BFF) is in use")
                    .contains("-Dcogov.bff.port=18080 -Dcogov.portal.port=18081");
            assertThat(root.resolve(".devdata"))
                    .as("nothing started, nothing written")
                    .doesNotExist();
        } finally {
            Files.deleteIfExists(root);
        }
    }

    /** The run execution's arguments in the effective pom of {@code ./mvnw -Prun <mavenArguments>}. */
    private static List<String> runArgumentsAsMavenComputesThem(String... mavenArguments) throws Exception {
        Path effective = Files.createTempFile("launcher-effective-pom", ".xml");
        try {
            boolean windows = System.getProperty("os.name").startsWith("Windows");
            List<String> command = new ArrayList<>(List.of(
                    ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                    "-B",
                    "-ntp",
                    "-q",
                    "-Prun",
                    "-pl",
                    "infra/launcher",
                    "help:effective-pom",
                    "-Doutput=" + effective));
            command.addAll(List.of(mavenArguments));
            Result maven = run(command, Map.of());
            assertThat(maven.exitCode())
                    .as("%s:%n%s", String.join(" ", command), maven.output())
                    .isZero();
            return runArguments(parse(effective), System.getProperty("java.class.path"));
        } finally {
            Files.deleteIfExists(effective);
        }
    }

    /** What exec:exec would start (java with the execution's arguments), in dry run; answers its output. */
    private static String dryRun(List<String> arguments) throws Exception {
        Result launcher = launch(arguments, true);
        assertThat(launcher.exitCode()).as(launcher.output()).isZero();
        assertThat(launcher.output()).contains("Dry run (" + DevLauncher.DRY_RUN + ")");
        return launcher.output();
    }

    private static Result launch(List<String> arguments, boolean dryRun) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return run(command, dryRun ? Map.of(DevLauncher.DRY_RUN, "true") : Map.of());
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile("launcher-test", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                // Whatever went wrong, nothing this started may outlive the test.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    /** The run execution's command line as written in {@code pom}, with {@code <classpath/>} as {@code classpath}. */
    private static List<String> runArguments(Document pom, String classpath) {
        for (Element execution : elements(pom.getElementsByTagName("execution"))) {
            if (EXECUTION.equals(text(execution, "id"))) {
                List<String> arguments = new ArrayList<>();
                Element list = child(child(execution, "configuration"), "arguments");
                for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element element) {
                        arguments.add(
                                element.getTagName().equals("classpath")
                                        ? classpath
                                        : element.getTextContent().strip());
                    }
                }
                return arguments;
            }
        }
        throw new AssertionError("no execution " + EXECUTION + " in the launcher's pom");
    }

    private static String text(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}

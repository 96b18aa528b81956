package oomlab.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import oomlab.Settings;
import oomlab.process.ProcessRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Maven project whose tests are running, as a program for the lab: its compiled classes and its runtime
 * dependencies as Maven resolves them for that project, so that a memory test needs no copy step of its own.
 *
 * <p>Maven resolves them from the project's own pom, parent, BOMs and repositories: {@code dependency:copy-
 * dependencies -DincludeScope=runtime} into {@code target/oomlab-runtime-lib}, once per test JVM. It runs on a copy
 * of the pom without the project's test-scoped dependencies, written beside it for the call and removed after:
 * those (the lab itself among them) are not the service's, and Maven would otherwise have to resolve them too,
 * which fails where the lab is a module of the same build and not yet installed.
 */
final class MavenProject {
    static final String RUNTIME_LIB = "target/oomlab-runtime-lib";
    private static final String RUNTIME_POM = ".oomlab-runtime-pom.xml";
    private static final Map<Path, List<Path>> RESOLVED = new ConcurrentHashMap<>();

    private MavenProject() {
    }

    /** target/classes and the folder of runtime jars of the project in {@code dir} (surefire's working directory). */
    static List<Path> runtimeClasspath(Path dir) {
        Path project = dir.toAbsolutePath().normalize();
        return RESOLVED.computeIfAbsent(project, MavenProject::resolve);
    }

    private static List<Path> resolve(Path project) {
        Path pom = project.resolve("pom.xml");
        Path classes = project.resolve("target/classes");
        if (!Files.isRegularFile(pom)) {
            throw new IllegalStateException("no pom.xml in " + project + ": LabScenario.thisProject names the Maven"
                    + " project the tests run in (surefire's working directory, the module's folder)");
        }
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no " + classes + ": the project is not compiled (mvn test compiles it"
                    + " before its tests)");
        }
        Path lib = project.resolve(RUNTIME_LIB);
        Path runtimePom = project.resolve(RUNTIME_POM);
        System.out.printf("[oomlab] resolving %s's runtime dependencies with Maven ...%n", project.getFileName());
        try {
            deleteFolder(lib);
            Files.createDirectories(lib);
            writeWithoutTestDependencies(pom, runtimePom);
            List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f", runtimePom.toString(),
                    "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + lib));
            String localRepository = System.getProperty("localRepository", System.getProperty("maven.repo.local"));
            if (localRepository != null && !localRepository.isBlank()) {
                command.add("-Dmaven.repo.local=" + localRepository);
            }
            ProcessRunner.ProcessResult mvn = ProcessRunner.run(command, Settings.MAVEN_RESOLVE_TIMEOUT);
            if (!mvn.succeeded()) {
                throw new IllegalStateException("Maven could not resolve the runtime dependencies of " + pom + ": "
                        + mvn.firstError());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(runtimePom);
            } catch (IOException e) {
                // left beside the pom: harmless, and written again next time
            }
        }
        return List.of(classes, lib);
    }

    /** The pom as it is, but for the dependencies it declares with scope test. */
    static void writeWithoutTestDependencies(Path pom, Path to) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            for (Element dependencies : children(document.getDocumentElement(), "dependencies")) {
                for (Element dependency : children(dependencies, "dependency")) {
                    List<Element> scope = children(dependency, "scope");
                    if (!scope.isEmpty() && scope.get(0).getTextContent().strip().equals("test")) {
                        dependencies.removeChild(dependency);
                    }
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(to.toFile()));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(pom + ": not a pom the lab can read: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Node parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The Maven running these tests where it says so (maven.home), else mvn on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

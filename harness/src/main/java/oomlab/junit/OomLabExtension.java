package oomlab.junit;

import java.nio.file.Path;
import oomlab.Settings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * The JUnit 5 extension behind {@link OomLabTest}: one {@link OomLab} per results folder for the whole test run
 * (kept in the root store, so its images and Docker set-up are made once for every class that shares it), given
 * to any test parameter of that type; report.html written after each class. No Docker engine: the class is
 * skipped with one line, or fails when the environment says {@code CI=true} (a CI machine that should have one).
 */
public final class OomLabExtension implements ExecutionCondition, ParameterResolver, AfterAllCallback,
        org.junit.jupiter.api.extension.TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OomLabExtension.class);
    private static final String DOCKER = "docker-answers";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean answers = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(DOCKER,
                key -> DockerClientFactory.instance().isDockerAvailable(), Boolean.class);
        if (answers) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        String why = "no Docker engine answers (start one: dockerd, or systemctl start docker)";
        if ("true".equals(System.getenv("CI"))) {
            throw new ExtensionConfigurationException("[oomlab] CI=true and " + why);
        }
        if (context.getTestMethod().isEmpty()) { // said once per class, not once per test
            System.out.println("[oomlab] " + context.getDisplayName() + " skipped: " + why);
        }
        return ConditionEvaluationResult.disabled("[oomlab] skipped: " + why);
    }

    /**
     * A test of the lab disabled by a condition of its own (e.g. {@code @DisabledIfSystemProperty}) says so in one
     * line with the condition's reason: Maven's summary shows only "Skipped: 1". (The lab's own skip, no Docker
     * engine, was said once for the class already.)
     */
    @Override
    public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
        String why = reason.orElse("disabled");
        if (!why.startsWith("[oomlab]")) {
            System.out.println("[oomlab] " + context.getRequiredTestClass().getSimpleName() + "."
                    + context.getDisplayName() + " skipped: " + why);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OomLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        OomLab lab = context.getRoot().getStore(NAMESPACE).get(resultsOf(context), OomLab.class);
        if (lab != null) {
            Path report = lab.writeReport();
            if (report != null) {
                System.out.println("[oomlab] Report: " + report.toAbsolutePath());
            }
        }
    }

    private static OomLab lab(ExtensionContext context) {
        String results = resultsOf(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(results,
                key -> new OomLab(Settings.fromSystem().withResultsRoot(Path.of(key).toAbsolutePath())), OomLab.class);
    }

    private static String resultsOf(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, OomLabTest.class))
                .map(OomLabTest::results).orElse("target/oomlab");
    }
}

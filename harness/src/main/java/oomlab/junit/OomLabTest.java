package oomlab.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests run the lab: each test may take an {@link OomLab} parameter. Without a Docker
 * engine the class is skipped with one line (and fails under {@code CI=true}), as Testcontainers'
 * {@code disabledWithoutDocker} does; results and report.html go under {@link #results()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OomLabExtension.class)
public @interface OomLabTest {
    /** The results folder, relative to the module's directory (where Maven runs the tests). */
    String results() default "target/oomlab";
}

package oomlab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenProjectTest {
    @TempDir
    Path dir;

    @Test
    void theRuntimePomIsTheProjectsPomWithoutItsTestDependencies() throws IOException {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.7</version>
                    <relativePath/>
                  </parent>
                  <artifactId>quotes</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-web</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>io.oomlab</groupId>
                      <artifactId>oomlab-harness</artifactId>
                      <version>0.1.0-SNAPSHOT</version>
                      <scope> test </scope>
                    </dependency>
                    <dependency>
                      <groupId>org.postgresql</groupId>
                      <artifactId>postgresql</artifactId>
                      <scope>runtime</scope>
                    </dependency>
                  </dependencies>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit</groupId>
                        <artifactId>junit-bom</artifactId>
                        <version>5.12.2</version>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """);

        Path runtime = dir.resolve("runtime.xml");
        MavenProject.writeWithoutTestDependencies(pom, runtime);

        String written = Files.readString(runtime);
        assertThat(written).contains("spring-boot-starter-web", "postgresql", "spring-boot-starter-parent",
                "junit-bom").doesNotContain("oomlab-harness");
    }

    @Test
    void aFolderWithoutAPomIsNamedInOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MavenProject.runtimeClasspath(dir))
                .hasMessageContaining("no pom.xml in " + dir);
    }
}

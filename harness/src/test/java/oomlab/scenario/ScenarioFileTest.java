package oomlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import oomlab.verdict.Verdict;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {
    private static final Path FILE = Path.of("scenarios.yaml");
    private static final String CONFIGS = """
            configurations:
              c2:
                description: default
              c1:
                jvmFlags: [-XX:TieredStopAtLevel=1]
                env: {MALLOC_ARENA_MAX: "2"}
            """;

    private static LabDefinition parse(String scenarios) {
        return ScenarioFile.parse(FILE, CONFIGS + scenarios);
    }

    @Test
    void readsConfigurationsAndScenarios() {
        LabDefinition lab = parse("""
                scenarios:
                  leak:
                    workload: direct-buffers
                    args: [--chunk-mb=4]
                    memory: 512m
                    heap: 64m
                    jvmFlags: [-XX:MaxDirectMemorySize=8g]
                    timeoutSeconds: 60
                    expect: {c2: OOM_KILLED, c1: SURVIVED}
                    checks: {peakAtLeast: 0.9, nmtGrowth: Other}
                """);

        Scenario leak = lab.scenarios().get("leak");
        assertThat(leak.memory().bytes()).isEqualTo(512L << 20);
        assertThat(leak.heap()).hasToString("64m");
        assertThat(leak.args()).containsExactly("--chunk-mb=4");
        assertThat(leak.jdks()).containsExactly(17);
        assertThat(leak.expectation("c1", 17).expected()).contains(Verdict.SURVIVED);
        assertThat(leak.checks().nmtGrowth()).isEqualTo("Other");
        assertThat(lab.configurations().get("c1").jvmFlags()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(lab.configurations().get("c1").env()).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(lab.configurations().get("c2").jvmFlags()).isEmpty();
    }

    @Test
    void selectsRunsInConfigurationOrder() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c1: SURVIVED, c2: SURVIVED}}
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        assertThat(lab.select(Selection.ALL)).extracting(RunPlan::displayName)
                .containsExactly("a / c2", "a / c1", "b / c2");
        assertThat(lab.select(Selection.ALL.scenarios("b").configs(""))).extracting(RunPlan::displayName).containsExactly("b / c2");
        assertThat(lab.select(Selection.ALL.scenarios("a,b").configs("c1"))).extracting(RunPlan::displayName).containsExactly("a / c1");
    }

    @Test
    void anUntilSteadyLoadRunsToItsBoundAtMostAndTakesNoFixedDuration() {
        LabDefinition lab = parse("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    timeoutSeconds: 400
                    load: {port: 8080, warmupSeconds: 5, untilSteady: {measureSeconds: 20, limitSeconds: 200}}
                    expect: {c2: SURVIVED}
                """);
        Load load = lab.scenarios().get("a").load();
        assertThat(load.durationOrDefault()).isEqualTo(200);
        assertThat(load.generatorArgs("localhost")).contains("--duration-s=200", "--warmup-s=5");
        assertThat(load.secondsNeeded()).isEqualTo(60 + 5 + 200);

        assertThatThrownBy(() -> parse("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    timeoutSeconds: 400
                    load: {port: 8080, durationSeconds: 30, untilSteady: {measureSeconds: 20}}
                    expect: {c2: SURVIVED}
                """)).hasMessageContaining("scenarios.a.load.untilSteady").hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    load: {port: 8080, untilSteady: {limitSeconds: 290}}
                    expect: {c2: SURVIVED}
                """)).hasMessageContaining("untilSteady's limitSeconds").hasMessageContaining("raise timeoutSeconds");
    }

    @Test
    void reportRunsAreMadeOnlyWhenAskedFor() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED, c1: REPORT}}
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: REPORT}}
                """);
        Selection plainTest = Selection.ALL.reportRuns(false);

        assertThat(lab.select(plainTest)).extracting(RunPlan::displayName).containsExactly("a / c2");
        assertThat(lab.reportRunsLeftOut(plainTest)).containsExactly("a / c1", "b / c2");
        assertThat(lab.select(plainTest.scenarios("a"))).extracting(RunPlan::displayName)
                .containsExactly("a / c2", "a / c1");
        assertThat(lab.select(plainTest.configs("c1"))).extracting(RunPlan::displayName).containsExactly("a / c1");
        assertThat(lab.select(plainTest.reportRuns(true))).hasSize(3);
        assertThat(lab.reportRunsLeftOut(plainTest.scenarios("a"))).isEmpty();
        LabDefinition onlyReports = parse("""
                scenarios:
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: REPORT}}
                """);
        assertThatThrownBy(() -> onlyReports.select(plainTest))
                .hasMessageContaining("b / c2").hasMessageContaining("-Doomlab.reports=true");
    }

    @Test
    void shardsDealTheRunsOutInTurnAndTogetherMakeTheWholeMatrix() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c1: SURVIVED, c2: SURVIVED}}
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        assertThat(lab.select(Selection.ALL.shard(Shard.parse("1/2")))).extracting(RunPlan::displayName)
                .containsExactly("a / c2", "b / c2");
        assertThat(lab.select(Selection.ALL.shard(Shard.parse("2/2")))).extracting(RunPlan::displayName)
                .containsExactly("a / c1");
        assertThatThrownBy(() -> lab.select(Selection.ALL.scenarios("b").shard(Shard.parse("2/2"))))
                .hasMessageContaining("-Doomlab.shard=2/2 is empty: only 1 run(s) are selected");
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Shard.parse("half")).hasMessageContaining("write the shard as i/n");
    }

    @Test
    void repeatsNumberEachRunAndKeepItsConfiguration() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        List<RunPlan> plans = lab.select(Selection.ALL.repeat(3));
        assertThat(plans).extracting(RunPlan::runName).containsExactly("c2-r1", "c2-r2", "c2-r3");
        assertThat(plans).extracting(plan -> plan.config().name()).containsOnly("c2");
        assertThatThrownBy(() -> Selection.ALL.repeat(0)).hasMessageContaining("at least once");
    }

    @Test
    void anUnknownScenarioNamesTheKnownOnes() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        assertThatThrownBy(() -> lab.select(Selection.ALL.scenarios("nope")))
                .hasMessageContaining("Unknown scenario nope in -Dscenario")
                .hasMessageContaining("Known scenarios in scenarios.yaml: a, b");
        assertThatThrownBy(() -> lab.select(Selection.ALL.configs("c9")))
                .hasMessageContaining("Unknown configuration c9 in -Dconfig")
                .hasMessageContaining("c2, c1");
    }

    @Test
    void aHeapThatDoesNotFitTheCapNamesLineAndField() {
        assertThatThrownBy(() -> parse("""
                scenarios:
                  tight:
                    workload: steady
                    memory: 256m
                    heap: 512m
                    expect: {c2: SURVIVED}
                """))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessage("scenarios.yaml:11:5: scenarios.tight.heap: a heap of 512m does not fit in the memory cap"
                        + " of 256m: the JVM needs native memory beyond the heap");
    }

    @Test
    void aCapBeyondTheMachineIsImpossible() {
        assertThatThrownBy(() -> parse("""
                scenarios:
                  huge: {workload: steady, memory: 4096g, heap: 1g, expect: {c2: SURVIVED}}
                """))
                .hasMessageContaining("scenarios.yaml:8:")
                .hasMessageContaining("scenarios.huge.memory: a cap of 4096g is more than this machine's");
    }

    @Test
    void aCapAboveHalfOfTheMachineIsRefusedUnlessAllowed() {
        long machine = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        String big = (machine / 2 / (1 << 20) + 64) + "m";
        assertThatThrownBy(() -> parse("""
                scenarios:
                  big: {workload: steady, memory: %s, heap: 1g, expect: {c2: SURVIVED}}
                """.formatted(big)))
                .hasMessageContaining("scenarios.big.memory: a cap of " + big + " is more than half of this machine's")
                .hasMessageContaining("allowLargeCap: true");
        assertThat(parse("""
                scenarios:
                  big: {workload: steady, memory: %s, heap: 1g, allowLargeCap: true, expect: {c2: SURVIVED}}
                """.formatted(big)).scenarios()).containsKey("big");
    }

    @Test
    void theFilesOwnRulesHoldAnywhereWhileTheHostsAreCheckedOnlyWhereRunsStart() {
        String onABigMachine = CONFIGS + """
                scenarios:
                  big: {workload: steady, memory: 4096g, heap: 1g, expect: {c2: SURVIVED}}
                  mine:
                    program: {jar: build/not-here.jar}
                    memory: 1g
                    heap: 256m
                    expect: {c2: SURVIVED}
                """;

        LabDefinition judgedAgain = ScenarioFile.parse(FILE, onABigMachine, ScenarioFile.Host.NONE);
        assertThat(judgedAgain.scenarios()).containsKeys("big", "mine");
        assertThatThrownBy(() -> ScenarioFile.parse(FILE, onABigMachine, new ScenarioFile.Host(8L << 30, true)))
                .hasMessageContaining("scenarios.big.memory: a cap of 4096g is more than this machine's");
        // the file's own rules are the same everywhere
        assertThatThrownBy(() -> ScenarioFile.parse(FILE, CONFIGS + """
                scenarios:
                  big: {workload: steady, memory: 1g, heap: 2g, expect: {c2: SURVIVED}}
                """, ScenarioFile.Host.NONE)).hasMessageContaining("scenarios.big.heap: a heap of 2g does not fit");
    }

    @Test
    void aMisspelledFieldListsTheKnownFields() {
        ScenarioFileException e = catchProblem("""
                scenarios:
                  a:
                    workload: steady
                    memroy: 256m
                """);

        assertThat(e.line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("scenarios.a.memroy");
        assertThat(e).hasMessageContaining("unknown field 'memroy'").hasMessageContaining("memory");
    }

    @Test
    void anUnknownVerdictListsTheVerdicts() {
        ScenarioFileException e = catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: FINE}}
                """);

        assertThat(e.line()).isEqualTo(8);
        assertThat(e.field()).isEqualTo("scenarios.a.expect.c2");
        assertThat(e).hasMessageContaining("'FINE' is not one of [OOM_KILLED, KILLED, JAVA_OOM, SURVIVED");
    }

    @Test
    void anExpectationForAnUndefinedConfigurationNamesTheDefinedOnes() {
        ScenarioFileException e = catchProblem("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    expect:
                      c2: SURVIVED
                      graal-nightly: SURVIVED
                """);

        assertThat(e.line()).isEqualTo(14);
        assertThat(e).hasMessageContaining("scenarios.a.expect.graal-nightly: unknown configuration 'graal-nightly';"
                + " the configurations there are (the lab's catalogue, then this file's): c2, c1, interpreter, c2-only,"
                + " graal,");
    }

    @Test
    void aBadSizeAndAMissingFieldAreNamed() {
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: lots, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.a.memory: 'lots' is not a memory size like 512m or 4g");
        assertThat(catchProblem("""
                scenarios:
                  a: {memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.yaml:8:3: scenarios.a: name either a built-in 'workload' or a 'program'");
    }

    @Test
    void malformedYamlSaysWhere() {
        ScenarioFileException e = catchProblem("""
                scenarios:
                  a:
                    workload: "steady
                """);

        assertThat(e.line()).isEqualTo(9);
        assertThat(e).hasMessageStartingWith("scenarios.yaml:9:")
                .hasMessageContaining("not valid YAML: while scanning a quoted scalar: found unexpected end of stream");
    }

    @Test
    void runsEveryConfigurationOnEveryJdkWithPerJdkExpectations() {
        LabDefinition lab = parse("""
                scenarios:
                  leak:
                    workload: jit-churn
                    memory: 2g
                    heap: 768m
                    jdks: [17, 25]
                    expect: {c2: OOM_KILLED, c1: SURVIVED}
                    expectByJdk:
                      25: {c2: REPORT}
                """);

        List<RunPlan> plans = lab.select(Selection.ALL);
        assertThat(plans).extracting(RunPlan::displayName)
                .containsExactly("leak / c2", "leak / c1", "leak / c2-jdk25", "leak / c1-jdk25");
        assertThat(plans).extracting(plan -> plan.expectedVerdict().map(Enum::name).orElse("REPORT"))
                .containsExactly("OOM_KILLED", "SURVIVED", "REPORT", "SURVIVED");
        assertThat(lab.select(Selection.ALL.jdks("25"))).extracting(RunPlan::runName).containsExactly("c2-jdk25", "c1-jdk25");
    }

    @Test
    void aConfigurationWithItsOwnJdksRunsOnThoseOnly() {
        LabDefinition lab = ScenarioFile.parse(FILE, CONFIGS + """
                  upgrade:
                    description: the JDK upgrade, a step of a timeline
                    jdks: [25]
                scenarios:
                  leak:
                    workload: jit-churn
                    memory: 2g
                    heap: 768m
                    expect: {c2: OOM_KILLED, upgrade: OOM_KILLED, c1: SURVIVED}
                """);

        assertThat(lab.select(Selection.ALL)).extracting(RunPlan::displayName)
                .containsExactly("leak / c2", "leak / c1", "leak / upgrade-jdk25");
        assertThat(lab.select(Selection.ALL.jdks("17"))).extracting(RunPlan::runName).containsExactly("c2", "c1");
        assertThat(lab.planFor("leak", "upgrade", 17)).isEmpty();
        assertThat(lab.planFor("leak", "upgrade", 25)).isPresent();
    }

    @Test
    void aPerJdkExpectationNeedsItsJdkAndConfiguration() {
        assertThat(catchProblem("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    expect: {c2: SURVIVED}
                    expectByJdk:
                      21: {c2: REPORT}
                """)).hasMessageContaining("scenarios.yaml:14:7: scenarios.a.expectByJdk.21: JDK 21 is not in"
                + " this scenario's jdks [17]");
    }

    @Test
    void aProgramOfYourOwnIsAJarOrAnImageNotBoth() {
        LabDefinition lab = parse("""
                scenarios:
                  mine:
                    program: {jar: "org.python:jython-standalone:2.7.4", mainClass: org.python.util.jython}
                    args: [-c, "print(1)"]
                    memory: 512m
                    heap: 128m
                    expect: {c2: SURVIVED}
                """);
        assertThat(lab.scenarios().get("mine").program().isMavenCoordinates()).isTrue();

        assertThat(catchProblem("""
                scenarios:
                  both: {workload: steady, program: {jar: a.jar}, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.both: name either a built-in 'workload' or a 'program'");
        assertThat(catchProblem("""
                scenarios:
                  img: {program: {image: "my/service:1"}, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.img.program.command: an image needs the command");
        assertThat(catchProblem("""
                scenarios:
                  missing: {program: {jar: no/such.jar}, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.missing.program.jar: no jar at");
        // a build's output not made yet (mvn test -pl harness on a clean tree builds no example): how to make it
        assertThat(catchProblem("""
                scenarios:
                  unbuilt: {program: {classpath: [svc/target/lib], mainClass: a.Main}, memory: 256m, heap: 64m,
                            expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.unbuilt.program.classpath: no jar or folder at")
                .hasMessageEndingWith("svc: run mvn from the project's root (its reactor builds it first), or"
                        + " mvn -q install -DskipTests there");
    }

    @Test
    void aLoadIsReadWithItsDefaultsAndNeedsAPort() {
        LabDefinition lab = parse("""
                scenarios:
                  svc:
                    program: {jar: "io.example:svc:1.0", mainClass: example.Main}
                    memory: 512m
                    heap: 128m
                    timeoutSeconds: 120
                    load: {port: 8080, paths: [/hello, "/item/{n}"], rate: 50}
                    expect: {c2: SURVIVED}
                """);
        Load load = lab.scenarios().get("svc").load();
        assertThat(load.generatorArgs("localhost")).containsExactly("--protocol=http", "--host=localhost",
                "--port=8080", "--rate=50", "--warmup-s=5", "--duration-s=30", "--path=/hello", "--path=/item/{n}");

        ScenarioFileException noPort = catchProblem("""
                scenarios:
                  svc:
                    program: {jar: "io.example:svc:1.0", mainClass: example.Main}
                    memory: 512m
                    heap: 128m
                    load:
                      path: /hello
                      rate: 50
                    expect: {c2: SURVIVED}
                """);
        assertThat(noPort).hasMessageStartingWith("scenarios.yaml:12:5: scenarios.svc.load: 'load' needs the"
                + " service's 'port'");
        assertThat(noPort.getMessage()).doesNotContain("\n");
        assertThat(catchProblem("""
                scenarios:
                  svc:
                    program: {jar: "io.example:svc:1.0", mainClass: example.Main}
                    memory: 512m
                    heap: 128m
                    timeoutSeconds: 30
                    load: {port: 8080}
                    expect: {c2: SURVIVED}
                """)).hasMessageContaining("scenarios.svc.load: the load needs up to 95 s");
    }

    @Test
    void aKeyGivenTwiceIsRejectedWithBothLines() {
        ScenarioFileException e = catchProblem("""
                scenarios:
                  a:
                    workload: steady
                    memory: 256m
                    heap: 64m
                    memory: 512m
                    expect: {c2: SURVIVED}
                """);

        assertThat(e).hasMessage("scenarios.yaml:12:5: scenarios.a.memory: 'memory' is given twice, on line 10 and"
                + " line 12; keep one (YAML would silently use the last)");
    }

    @Test
    void aScenarioNameGivenTwiceIsRejected() {
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                  a: {workload: steady, memory: 512m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageStartingWith("scenarios.yaml:9:3: scenarios.a: 'a' is given twice, on line 8 and line 9");
    }

    @Test
    void anUnknownWorkloadIsRejectedListingTheWorkloads() {
        assertThat(catchProblem("""
                scenarios:
                  a:
                    workload: jit-chrun
                    memory: 256m
                    heap: 64m
                    expect: {c2: SURVIVED}
                """)).hasMessage("scenarios.yaml:9:5: scenarios.a.workload: unknown workload 'jit-chrun'; the workloads"
                + " are: deopt-storm, direct-buffers, heap-churn, heap-leak, jit-churn, native-leak, service, steady,"
                + " thread-storm (or give a 'program' of your own)");
    }

    @Test
    void aValueOfTheWrongKindIsSaidInPlainWordsWithTheRightForm() {
        assertThat(catchProblem("""
                scenarios:
                  a:
                    workload: steady
                    args: --iterations=100
                    memory: 256m
                    heap: 64m
                    expect: {c2: SURVIVED}
                """)).hasMessage("scenarios.yaml:10:5: scenarios.a.args: a list is expected, got '--iterations=100';"
                + " write it as [--iterations=100], or one item per line starting with '- '");
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, timeoutSeconds: soon, expect: {c2: SURVIVED}}
                """)).hasMessage("scenarios.yaml:8:50: scenarios.a.timeoutSeconds: a whole number is expected, got"
                + " 'soon', e.g. 120");
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: c2}
                """)).hasMessageContaining("scenarios.a.expect: a mapping of names to values is expected, got 'c2';"
                + " write it as {c2: OOM_KILLED, c1: SURVIVED}");
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}, checks: {peakAtMost: high}}
                """)).hasMessageContaining("scenarios.a.checks.peakAtMost: a number is expected, got 'high', e.g. 0.85");
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: [steady], memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """)).hasMessageContaining("scenarios.a.workload: a single value (text) is expected, got [\"steady\"]")
                .message().doesNotContain("java.");
    }

    @Test
    void tolerancesForTheBaselineComparisonDefaultWhereNotGiven() {
        LabDefinition lab = parse("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}, tolerances: {peak: 0.2}}
                  b: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        assertThat(lab.scenarios().get("a").tolerances()).isEqualTo(new Tolerances(0.2, 0.5, 0.5));
        assertThat(lab.scenarios().get("b").tolerances()).isEqualTo(Tolerances.DEFAULT);
        assertThat(catchProblem("""
                scenarios:
                  a: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}, tolerances: {cpu: -1}}
                """)).hasMessageContaining("scenarios.a.tolerances.cpu: a tolerance is a fraction");
    }

    /**
     * The file users run, whatever they made of it: it loads (a mistake in it is a ScenarioFileException naming the
     * line) and selects runs. Which scenarios it holds is theirs to decide, so no name is asserted here.
     */
    @Test
    void theProjectsOwnScenarioFileLoads() {
        LabDefinition lab = ScenarioFile.load(Path.of(System.getProperty("oomlab.scenarios", "scenarios.yaml")));

        assertThat(lab.select(Selection.ALL).size()).as("runs selected from scenarios.yaml").isPositive();
    }

    /**
     * The scenarios this project ships, by name: the lab's own house rules (below) hold for them. A scenario a user
     * adds to scenarios.yaml is theirs: it needs no margin and is never held to these rules.
     */
    static final List<String> SHIPPED = List.of("c2-leak", "direct-buffer-leak", "direct-buffer-limit", "heap-leak",
            "native-leak", "thread-storm", "byo-jython", "byo-nashorn", "byo-classpath", "hello-service",
            "hello-service-tight", "incident", "incident-timeline", "gc-overhead", "deopt-storm", "witness-printed-oom",
            "witness-caught-oom", "witness-native-crash", "steady");

    /** Every scenario this project ships says, in measured numbers, why its expected verdicts are no coin toss. */
    @Test
    void theShippedScenariosStateTheirMargins() {
        LabDefinition file = ScenarioFile.load(Path.of("scenarios.yaml"), ScenarioFile.Host.NONE);

        // names only in a failure, never the records: a failure says which scenario and what is missing
        List<String> withoutMargin = file.scenarios().values().stream()
                .filter(scenario -> SHIPPED.contains(scenario.name()))
                .filter(scenario -> scenario.margin() == null || !scenario.margin().matches("(?s).*\\d.*"))
                .map(Scenario::name).toList();
        assertThat(withoutMargin).as("shipped scenarios without a margin in measured numbers (why their verdicts"
                + " are robust)").isEmpty();
    }

    @Test
    void aUsersOwnScenarioNeedsNoMargin() {
        LabDefinition file = parse("""
                scenarios:
                  my-service: {workload: steady, memory: 256m, heap: 64m, expect: {c2: SURVIVED}}
                """);

        assertThat(SHIPPED).doesNotContain("my-service");
        assertThat(file.scenarios().get("my-service").margin()).isEmpty();
    }

    private static ScenarioFileException catchProblem(String scenarios) {
        try {
            parse(scenarios);
        } catch (ScenarioFileException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioFileException for:\n" + scenarios);
    }
}

package oomlab;


/**
 * The selected runs without Maven or JUnit: the same {@link Lab} the tests drive, then the table and the report
 * as the re-judge command writes them. For a machine where a whole Maven build is too slow to be worth it — the
 * cgroup v2 guest under software emulation runs the lab this way ({@code scripts/cgroup-v2-guest.sh}).
 * Selected by the same properties as {@code mvn test}; exit code 0 when every run passed its judgement, 1 when one
 * did not, 2 on bad input.
 */
public final class RunLab {
    private RunLab() {
    }

    public static void main(String[] args) {
        LabSession session;
        try {
            session = LabSession.open(Settings.fromSystem().withArguments(args));
        } catch (LabSession.BadInput | IllegalArgumentException e) {
            System.err.println("[oomlab] " + e.getMessage());
            System.exit(LabSession.BAD_INPUT);
            return;
        }
        System.out.println(session.describePlans());
        session.runAll();
        System.exit(session.close());
    }
}

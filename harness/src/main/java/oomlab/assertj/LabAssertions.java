package oomlab.assertj;

import oomlab.junit.LabRun;
import oomlab.sizing.SizingResult;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/** The entry point of the lab's AssertJ assertions: {@code import static oomlab.assertj.LabAssertions.assertThat;}. */
public final class LabAssertions {
    private LabAssertions() {
    }

    public static RunAssert assertThat(LabRun run) {
        return new RunAssert(run);
    }

    /**
     * The smallest surviving cap a right-sizing search found, in MB, to compare: {@code
     * assertThatSmallestCap(sized).isLessThanOrEqualTo(512)}; fails when even the search's ceiling did not survive.
     */
    public static AbstractLongAssert<?> assertThatSmallestCapMb(SizingResult sized) {
        if (!sized.search().found()) {
            throw new AssertionError(sized.scenario() + " / " + sized.config() + " did not survive even at the search's"
                    + " ceiling of " + (sized.search().largestFailingBytes() >> 20) + " MB");
        }
        return Assertions.assertThat(sized.search().smallestSurvivingBytes() >> 20)
                .as("the smallest cap at which %s / %s survived, MB", sized.scenario(), sized.config());
    }
}

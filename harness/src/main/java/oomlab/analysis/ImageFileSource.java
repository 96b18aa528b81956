package oomlab.analysis;

import java.nio.file.Path;
import java.util.List;

/**
 * Files of the image a run used, brought to the host (jeprof must read the very JVM binaries that ran). The lab's
 * source asks Docker; a replay of a recorded run has none, and a profile that needs one is then reported missing.
 */
public interface ImageFileSource {
    /** A host folder holding {@code paths} at their places in the image. */
    Path copyOut(String image, List<String> paths);

    ImageFileSource NONE = (image, paths) -> {
        throw new IllegalStateException("no image files here (a replay): " + image);
    };
}

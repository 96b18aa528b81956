package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Copies files out of an image into a folder of the host, under their own paths (so {@code /opt/jdk/bin/java}
 * lands at {@code <root>/opt/jdk/bin/java}), once per image: jeprof reads an image's own JVM binaries to name
 * the frames of a jemalloc profile written inside it.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** @return the folder the image's files were copied under; copied once, then found again */
    public static Path copyOut(DockerClient docker, String image, List<String> paths, Path cacheRoot) {
        String imageId = docker.inspectImageCmd(image).exec().getId().replace("sha256:", "");
        Path root = cacheRoot.resolve(imageId.substring(0, Math.min(12, imageId.length())));
        Path done = root.resolve(".copied");
        if (Files.exists(done)) {
            return root;
        }
        String container = docker.createContainerCmd(image).withCmd("true")
                .withLabels(java.util.Map.of(LabContainer.LABEL, "true")).exec().getId();
        try {
            for (String path : paths) {
                try (InputStream tar = docker.copyArchiveFromContainerCmd(container, path).exec()) {
                    Path parent = root.resolve(Path.of(path).getParent().toString().substring(1));
                    untar(tar, parent);
                } catch (RuntimeException e) {
                    // not in this image (another JDK layout): jeprof names what it can without it
                }
            }
            Files.createDirectories(root);
            Files.writeString(done, image + "\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    private static void untar(InputStream in, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    continue; // never outside the folder
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

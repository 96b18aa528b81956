package oomlab.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's images as the lab uses them: whether one is here, pulling one (a failure said in one line),
 * removing the tags a newer build replaced, and tags named by content (a hash of the files that went in), so an
 * unchanged lab finds its images again and a changed file gets a new one.
 */
final class DockerImages {
    private final DockerClient docker;
    private final oomlab.console.Console console;

    DockerImages(DockerClient docker, oomlab.console.Console console) {
        this.docker = docker;
        this.console = console;
    }

    DockerClient docker() {
        return docker;
    }

    boolean exists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    boolean pulled(String image) {
        // docker-java's own callback logs a failed pull as an ERROR with a stack trace (on a host that was never
        // meant to reach the registry, on every run): this one keeps the error and the lab says it in one line
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            docker.pullImageCmd(image).exec(new com.github.dockerjava.api.command.PullImageResultCallback() {
                @Override
                public void onError(Throwable error) {
                    failed.compareAndSet(null, error);
                    try {
                        close();
                    } catch (java.io.IOException e) {
                        // closing a finished stream
                    }
                }
            }).awaitCompletion(10, TimeUnit.MINUTES);
            if (failed.get() != null) {
                console.printf("[oomlab] could not pull %s (%s)%n", image, failed.get().getMessage().strip());
                return false;
            }
            return exists(image);
        } catch (RuntimeException e) {
            console.printf("[oomlab] could not pull %s (%s)%n", image, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Every change of the jar (or of the offline base script) makes a new image; the ones it replaces would only
     * fill the disk.
     */
    void removeOlder(String repository, String prefix, String current) {
        for (var image : docker.listImagesCmd().withImageNameFilter(repository).exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(prefix) && !tag.equals(current)) {
                    try {
                        docker.removeImageCmd(tag).exec();
                    } catch (RuntimeException e) {
                        // still in use by a container somewhere: leave it
                    }
                }
            }
        }
    }

    /** 12 hex digits of SHA-256 over the files (names and bytes, in order) and {@code extra}. */
    static String contentHash(List<Path> files, String extra) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            sha.update(extra.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.common.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Reading a file is the one costly thing a single request can ask for: one upload at a time per
 * officer, and {@code registry.quarterly.concurrent-uploads} in the whole service; more are
 * answered 429 at once (with Retry-After) rather than queued, so that other users' requests
 * keep their memory and their database connections.
 */
@ApplicationScoped
public class UploadGate {
    static final int RETRY_SECONDS = 5;
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;

    UploadGate(@ConfigProperty(name = "registry.quarterly.concurrent-uploads", defaultValue = "2") int concurrent) {
        this.permits = new Semaphore(concurrent);
    }

    public <T> T run(String officer, Supplier<T> upload) {
        if (!uploading.add(officer)) {
            throw busy("You are already uploading a file; wait for its answer");
        }
        try {
            if (!permits.tryAcquire()) {
                throw busy("Other files are being read; retry in " + RETRY_SECONDS + " s");
            }
            try {
                return upload.get();
            } finally {
                permits.release();
            }
        } finally {
            uploading.remove(officer);
        }
    }

    private static ProblemException busy(String detail) {
        return new ProblemException(ProblemException.Reason.BUSY, detail, List.of()).retryAfter(RETRY_SECONDS);
    }
}

package org.batchopt.backend.cuda;

import java.util.function.Supplier;
import org.batchopt.BackendException;

/**
 * A native library looked for once per process ({@link Nvrtc}, {@link Cublas}): the first call searches, later
 * calls get what it found, or a fresh copy of why nothing was found. Thread-safe.
 */
final class FoundOnce<T> {
    private final Supplier<T> search;
    private T found;
    private BackendException notFound;

    /** {@code search} returns the library, or throws {@link BackendException} naming every place tried. */
    FoundOnce(Supplier<T> search) {
        this.search = search;
    }

    synchronized T get() {
        if (found == null && notFound == null) {
            try {
                found = search.get();
            } catch (BackendException e) {
                notFound = e;
            }
        }
        if (notFound != null) {
            throw new BackendException(notFound.code(), notFound.getMessage(), null, notFound);
        }
        return found;
    }
}

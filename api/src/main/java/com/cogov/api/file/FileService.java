package com.cogov.api.file;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files feature's entry (docs/platform: files): stores generated and uploaded files behind one object-storage
 * port, each under a random opaque id, with its owner, purpose, type, size and expiry; removes expired ones.
 * Who may read a file is for the feature that references it to check (an export: only its requester) before it calls
 * {@link #open}: this entry knows owners, not scopes.
 */
@Singleton
public class FileService {

    private static final Logger LOG = LoggerFactory.getLogger(FileService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileStore store;
    private final ObjectStorage storage;
    private final Clock clock;
    private final FileLinks links;
    private final ApplicationEventPublisher<FilesRemovedEvent> removed;

    FileService(
            FileStore store,
            ObjectStorage storage,
            Clock clock,
            FileLinks links,
            ApplicationEventPublisher<FilesRemovedEvent> removed) {
        this.store = store;
        this.storage = storage;
        this.clock = clock;
        this.links = links;
        this.removed = removed;
    }

    /** Stores the content (read to its end, not closed) and records its facts. */
    public StoredFile store(NewFile file, InputStream content) {
        String id = newId();
        long size;
        try {
            size = storage.put(id, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a " + file.purpose() + " file", e);
        }
        StoredFile stored = new StoredFile(
                id,
                file.ownerAccountId(),
                file.purpose(),
                file.contentType(),
                file.fileName(),
                size,
                clock.instant(),
                file.expiresAt());
        try {
            store.insert(stored);
        } catch (RuntimeException e) {
            deleteQuietly(id);
            throw e;
        }
        return stored;
    }

    /**
     * Stores a file the public submitted (an attachment to a complaint), if its content is a JPEG, PNG or WebP image
     * or a PDF that opens; images are re-encoded without their metadata (EXIF). It expires at {@code expiresAt} unless
     * the record that uses it calls {@link #keep}: a file its record never referenced is removed.
     *
     * @throws com.cogov.api.shared.CogovException UPLOAD_EMPTY, ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE_UNSUPPORTED or
     *                                             IMAGE_UNREADABLE
     */
    public StoredFile storeSubmission(
            @Nullable Long ownerAccountId, String purpose, byte[] content, int maxBytes, Instant expiresAt) {
        Submissions.Accepted accepted = Submissions.accept(content, maxBytes);
        return store(
                new NewFile(
                        ownerAccountId,
                        purpose,
                        accepted.contentType(),
                        purpose.toLowerCase(java.util.Locale.ROOT) + "." + accepted.extension(),
                        expiresAt),
                new java.io.ByteArrayInputStream(accepted.content()));
    }

    public Optional<StoredFile> find(String id) {
        return store.find(id);
    }

    /** The file's content, to be closed by the caller; empty if the file is gone. */
    public Optional<InputStream> open(String id) {
        if (store.find(id).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(storage.get(id));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a file stored with an expiry (an upload not yet used) until it is deleted: called in the transaction of the
     * record that now references it, so an upload its record never used is still removed after its expiry.
     *
     * @return whether the file was still there
     */
    public boolean keep(String id) {
        return store.keep(id);
    }

    public void delete(String id) {
        Optional<StoredFile> file = store.find(id);
        store.delete(id);
        deleteQuietly(id);
        file.ifPresent(f -> removed.publishEvent(new FilesRemovedEvent(f.purpose(), List.of(id))));
    }

    /**
     * A link that opens the file without our tokens until {@code ttl} has passed, for a party that fetches it itself
     * (WeChat's image check). Served by {@link #openLinked}; whoever holds the link can read the file until then.
     */
    public FileLink link(String id, Duration ttl) {
        Instant expires = clock.instant().plus(ttl);
        return FileLink.of(id, expires, links.sign(id, expires));
    }

    /** The file a link names, while the link is valid and the file is there; otherwise empty. */
    public Optional<FileDownload> openLinked(String id, long expires, @Nullable String signature) {
        if (!links.valid(id, expires, signature, clock.instant())) {
            return Optional.empty();
        }
        return find(id).flatMap(
                        f -> open(id).map(in -> new FileDownload(f.fileName(), f.contentType(), f.sizeBytes(), in)));
    }

    /** Removes every file past its expiry. @return how many */
    public int deleteExpired() {
        int removed = 0;
        Instant now = clock.instant();
        for (List<String> batch = store.expired(now, 500); !batch.isEmpty(); batch = store.expired(now, 500)) {
            for (String id : batch) {
                delete(id);
                removed++;
            }
        }
        return removed;
    }

    private void deleteQuietly(String id) {
        try {
            storage.delete(id);
        } catch (IOException | RuntimeException e) { // an orphan object is harmless: its facts are gone
            LOG.warn("Could not remove stored object {}: {}", id, e.toString());
        }
    }

    /** 24 random bytes: unguessable, and safe in a path or a URL as it is. */
    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

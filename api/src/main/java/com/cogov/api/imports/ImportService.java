package com.cogov.api.imports;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.file.FileDownload;
import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.api.file.StoredFile;
import com.cogov.api.job.JobService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.job.JobState;
import com.cogov.contracts.job.JobView;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The imports feature's entry (docs/imports.md, docs/platform: imports): what regulators bring in. A template per kind;
 * an upload typed by its content and checked up to its header row on the request (415, 413, 422 before any job
 * exists); then a job ({@link ImportJob}) that validates every row, upserts the valid ones by natural key in chunks
 * (or only counts them, in a dry run), and leaves an error workbook of the refused rows for their owner.
 */
@Singleton
public class ImportService {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportDefinitions definitions;
    private final JobService jobs;
    private final FileService files;
    private final AuditService audit;
    private final ImportConfiguration config;
    private final Clock clock;

    ImportService(
            ImportDefinitions definitions,
            JobService jobs,
            FileService files,
            AuditService audit,
            ImportConfiguration config,
            Clock clock) {
        this.definitions = definitions;
        this.jobs = jobs;
        this.files = files;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** The kind's template, with the allowed values the caller may use. */
    public FileDownload template(Actor actor, String kind) {
        ImportDefinition<?> definition = definitions.get(kind);
        definition.authorize(actor);
        byte[] workbook = TemplateWorkbook.write(definition.title(), definition.columns(actor));
        return new FileDownload(
                definition.title() + "模板.xlsx", XLSX, workbook.length, new ByteArrayInputStream(workbook));
    }

    /**
     * Checks the upload and queues its import.
     *
     * @param dryRun     {@code true} or {@code false}; null is false
     * @param clientName the uploaded file's name as the client gave it: for the audit trail only, never a path
     * @param content    read to its end (at most the size limit and one byte more), not closed
     * @return the job, which answers the counts when it is done
     */
    public JobView start(
            Actor actor, String kind, @Nullable String dryRun, @Nullable String clientName, InputStream content) {
        ImportDefinition<?> definition = definitions.get(kind);
        definition.authorize(actor);
        boolean dry = dryRun(dryRun);
        Path temp = null;
        try {
            temp = Files.createTempFile("cogov-upload-", ".bin");
            long size = copy(content, temp);
            if (size == 0) {
                throw ImportRequestException.empty("没有收到文件，或文件是空的");
            }
            SpreadsheetFormat format = SpreadsheetFormat.detect(temp);
            if (format == null) {
                throw ImportRequestException.unsupported();
            }
            try {
                HeaderRow.find(format.reader(temp), definition.columns(actor)); // 422 naming the columns
            } catch (IOException e) {
                throw ImportRequestException.unsupported(); // corrupt, encrypted, a zip bomb: not a workbook we read
            }
            StoredFile stored;
            try (InputStream in = Files.newInputStream(temp)) {
                stored = files.store(
                        new NewFile(
                                actor.accountId(),
                                "IMPORT",
                                format == SpreadsheetFormat.XLS
                                        ? "application/vnd.ms-excel"
                                        : format == SpreadsheetFormat.XLSX ? XLSX : "text/csv",
                                definition.title() + "." + format.extension(),
                                clock.instant().plus(config.retention())),
                        in);
            }
            JobView job = jobs.submit(actor, ImportJob.TYPE, new ImportParams(kind, stored.id(), format, dry));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("kind", kind);
            details.put("dryRun", Boolean.toString(dry));
            details.put("format", format.name());
            details.put("bytes", Long.toString(size));
            details.put("fileName", clientName == null ? "" : clip(clientName));
            audit.record(actor, "import.create", "job", Long.toString(job.id()), AuditOutcome.SUCCESS, details);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The refused rows of the caller's finished import, as a workbook to fix and send back. */
    public FileDownload errors(Actor actor, long id) {
        JobView job = jobs.view(actor, id, ImportJob.TYPE); // another user's: 404, as if it did not exist
        if (job.state() != JobState.DONE || job.result() == null || job.result().get("errorsFileId") == null) {
            throw ImportRequestException.errorsNotReady();
        }
        String fileId = String.valueOf(job.result().get("errorsFileId"));
        StoredFile file = files.find(fileId)
                .filter(f -> !f.expiredAt(clock.instant()))
                .orElseThrow(ImportRequestException::errorsExpired);
        InputStream content = files.open(fileId).orElseThrow(ImportRequestException::errorsExpired);
        audit.record(actor, "import.errors.download", "job", Long.toString(id), AuditOutcome.SUCCESS, Map.of());
        return new FileDownload(file.fileName(), file.contentType(), file.sizeBytes(), content);
    }

    private long copy(InputStream content, Path temp) throws IOException {
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                size += n;
                if (size > config.maxBytes()) {
                    throw ImportRequestException.tooLarge(config.maxBytes());
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    private static boolean dryRun(@Nullable String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        throw ImportRequestException.dryRun();
    }

    private static String clip(String text) {
        // no control characters, and no long digit runs: the trail refuses anything like an ID or a mobile number
        String clean = text.replaceAll("[\\p{Cntrl}]", "").replaceAll("\\d{6,}", "#");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static void deleteQuietly(@Nullable Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
    }
}

package com.cogov.api.export;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.file.FileDownload;
import com.cogov.api.file.FileService;
import com.cogov.api.file.StoredFile;
import com.cogov.api.job.JobService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.export.ExportRequest;
import com.cogov.contracts.job.JobState;
import com.cogov.contracts.job.JobView;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The exports feature's entry (docs/platform: exports): what regulators take away. A request is checked at once (the
 * kind, the format, and the filter by the feature that offers the kind, in the requester's scope), then made by a job
 * ({@link ExportJob}) into a masked xlsx or csv that only its requester can fetch, for 24 hours. Every step is
 * audited: the request with its filter, the finished file with its row count, each download.
 */
@Singleton
public class ExportService {

    private final ExportSources sources;
    private final JobService jobs;
    private final FileService files;
    private final AuditService audit;
    private final SealedFilter sealing;
    private final Clock clock;

    ExportService(
            ExportSources sources,
            JobService jobs,
            FileService files,
            AuditService audit,
            SealedFilter sealing,
            Clock clock) {
        this.sources = sources;
        this.sealing = sealing;
        this.jobs = jobs;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the request and queues the export. @return the job making it */
    public JobView create(Actor actor, ExportRequest request) {
        if (actor.role() != Role.CITY_ADMIN && actor.role() != Role.DISTRICT_INSPECTOR) {
            throw new AccessDeniedException("仅市、区监管人员可以导出");
        }
        ExportSource source = sources.get(request.kind());
        ExportFormat format = ExportFormat.parse(request.format());
        Map<String, String> filter = ExportFilter.of(request.filter());
        ExportPlan plan = source.plan(actor, filter); // the feature's own 400/404 for a filter it refuses
        JobView job = jobs.submit(
                actor, ExportJob.TYPE, new ExportParams(source.kind(), format.extension(), sealing.seal(filter)));
        audit.record(
                actor,
                "export.create",
                "job",
                Long.toString(job.id()),
                AuditOutcome.SUCCESS,
                Map.of("kind", source.kind(), "format", format.extension(), "filter", clip(plan.filterDescription())));
        return job;
    }

    /** The export's file, for its requester only (anyone else: 404), once made (409 before) and within 24 h (410). */
    public FileDownload download(Actor actor, long id) {
        JobView job = jobs.view(actor, id, ExportJob.TYPE);
        if (job.state() != JobState.DONE || job.result() == null) {
            throw ExportUnavailableException.notReady();
        }
        String fileId = String.valueOf(job.result().get("fileId"));
        StoredFile file = files.find(fileId)
                .filter(f -> !f.expiredAt(clock.instant()))
                .orElseThrow(ExportUnavailableException::expired);
        // Recorded before the bytes go out: a download that fails midway has still been asked for and begun.
        audit.record(
                actor,
                "export.download",
                "job",
                Long.toString(id),
                AuditOutcome.SUCCESS,
                Map.of("fileName", clip(file.fileName()), "bytes", Long.toString(file.sizeBytes())));
        InputStream content = files.open(fileId).orElseThrow(ExportUnavailableException::expired);
        return new FileDownload(file.fileName(), file.contentType(), file.sizeBytes(), content);
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}

package com.cogov.api.export;

import com.cogov.api.account.AccountService;
import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.api.file.StoredFile;
import com.cogov.api.job.JobContext;
import com.cogov.api.job.JobHandler;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one export's file, as a job. It plans again from the owner and the filter (the scope is checked again, on
 * whichever node runs it), streams the rows into a temporary file in constant memory, and stores the file for 24 hours.
 * A run interrupted by a dying node starts over when resumed: half a file on a dead node's disk is of no use.
 */
@Singleton
class ExportJob implements JobHandler {

    static final String TYPE = "EXPORT";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExportSources sources;
    private final ExportConfiguration config;
    private final FileService files;
    private final AuditService audit;
    private final AccountService accounts;
    private final CityConfiguration city;
    private final SealedFilter sealing;
    private final Clock clock;

    ExportJob(
            ExportSources sources,
            ExportConfiguration config,
            FileService files,
            AuditService audit,
            AccountService accounts,
            CityConfiguration city,
            SealedFilter sealing,
            Clock clock) {
        this.sealing = sealing;
        this.sources = sources;
        this.config = config;
        this.files = files;
        this.audit = audit;
        this.accounts = accounts;
        this.city = city;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws IOException {
        ExportParams params = context.params(ExportParams.class);
        Actor owner = context.owner();
        ExportPlan plan = sources.get(params.kind()).plan(owner, sealing.open(params.filterSealed()));
        ExportFormat format = ExportFormat.parse(params.format());
        Instant at = clock.instant();
        var heading = new SheetWriter.Heading(
                plan.title(),
                accounts.profile(owner).displayName(),
                Cells.dateTime(at, city.zone()),
                plan.filterDescription());
        Path temp = Files.createTempFile("cogov-export-", "." + format.extension());
        try {
            long rows = write(plan, format, heading, temp, context);
            if (context.isCancelled()) {
                context.message("已取消");
                return;
            }
            String name = plan.title() + "_" + FILE_TIME.format(at.atZone(city.zone())) + "." + format.extension();
            Instant expiresAt = at.plus(config.retention());
            StoredFile file;
            try (InputStream in = Files.newInputStream(temp)) {
                file = files.store(new NewFile(owner.accountId(), "EXPORT", format.contentType(), name, expiresAt), in);
            }
            audit.record(
                    owner,
                    "export.done",
                    "job",
                    Long.toString(context.jobId()),
                    AuditOutcome.SUCCESS,
                    Map.of("kind", params.kind(), "format", format.extension(), "rows", Long.toString(rows)));
            context.progress(rows, rows);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", rows);
            result.put("truncated", rows >= config.maxRows());
            result.put("fileName", name);
            result.put("expiresAt", expiresAt.toString());
            result.put("fileId", file.id());
            context.result(result);
            context.message(rows >= config.maxRows() ? "已达单次导出上限 " + config.maxRows() + " 行，请缩小筛选范围分批导出" : null);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long write(ExportPlan plan, ExportFormat format, SheetWriter.Heading heading, Path temp, JobContext context)
            throws IOException {
        long estimated = plan.estimatedRows();
        long total = estimated < 0 ? 0 : Math.min(estimated, config.maxRows());
        long[] written = {0};
        context.progress(0, total);
        try (SheetWriter writer = format.open(temp, heading)) {
            writer.columns(plan.columns());
            plan.rows(row -> {
                if (written[0] >= config.maxRows()) {
                    return false;
                }
                List<Object> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(Cells.of(value, city.zone()));
                }
                try {
                    writer.row(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
                if (written[0] % config.progressEvery() == 0) {
                    context.progress(written[0], Math.max(total, written[0]));
                    return !context.isCancelled();
                }
                return true;
            });
            if (!context.isCancelled()) {
                writer.finish();
            }
        }
        return written[0];
    }
}

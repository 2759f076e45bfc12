package com.cogov.api.imports;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.api.job.JobContext;
import com.cogov.api.job.JobHandler;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one import, as a job: reads the stored upload as a stream, checks each row, and upserts the valid ones in chunks
 * of {@code cogov.imports.chunk-rows}, each chunk in one transaction with its refused rows and its checkpoint, so a run
 * resumed after a restart continues after the last chunk that committed, neither losing nor repeating a row. A dry
 * run writes each chunk the same way and rolls it back, so it reports exactly what a real run would do. At the end it
 * stores the error workbook, audits the counts and, for a run that wrote, lets the definition tell others.
 */
@Singleton
class ImportJob implements JobHandler {

    static final String TYPE = "IMPORT";

    private final ImportDefinitions definitions;
    private final ChunkWriter chunks;
    private final FileService files;
    private final RejectedRows rejected;
    private final AuditService audit;
    private final ImportConfiguration config;
    private final JsonMapper json;
    private final Clock clock;

    ImportJob(
            ImportDefinitions definitions,
            ChunkWriter chunks,
            FileService files,
            RejectedRows rejected,
            AuditService audit,
            ImportConfiguration config,
            JsonMapper json,
            Clock clock) {
        this.definitions = definitions;
        this.chunks = chunks;
        this.files = files;
        this.rejected = rejected;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws IOException {
        ImportParams params = context.params(ImportParams.class);
        ImportDefinition<?> definition = definitions.get(params.kind());
        Path temp = Files.createTempFile("cogov-import-", "." + params.format().extension());
        try {
            try (InputStream in = files.open(params.fileId())
                    .orElseThrow(() -> new CogovException(ErrorCode.IMPORT_FILE_EXPIRED, "上传的文件已过期或已删除，请重新上传"))) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            run(context, params, definition, params.format().reader(temp));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private <D> void run(JobContext context, ImportParams params, ImportDefinition<D> definition, SheetReader reader)
            throws IOException {
        HeaderRow header;
        long total;
        try {
            header = HeaderRow.find(reader, definition.columns(context.owner()));
            total = count(reader, header);
        } catch (IOException e) {
            throw unreadable();
        }
        if (total > config.maxRows()) {
            throw new CogovException(
                    ErrorCode.IMPORT_FILE_TOO_LARGE,
                    "文件有 " + total + " 行数据，超过单次导入上限 " + config.maxRows() + " 行，请分成几个文件导入");
        }
        ImportCounts start = context.checkpoint().map(this::counts).orElse(ImportCounts.start());
        context.errors(start.rejected());
        context.progress(start.read(), total);
        ChunkWriter.Run<D> run = chunks.start(context, definition, header, params.dryRun(), start, total);
        try {
            reader.read(raw -> raw.rowNumber() <= header.rowNumber() || run.add(raw));
        } catch (IOException e) {
            throw unreadable();
        }
        run.finish();
        if (context.isCancelled()) {
            context.message("已取消：第 " + run.counts().lastRow() + " 行及以前的数据已处理" + (params.dryRun() ? "（试导入，未写入）" : ""));
            return;
        }
        finish(context, params, definition, header, run.counts(), total);
    }

    private <D> void finish(
            JobContext context,
            ImportParams params,
            ImportDefinition<D> definition,
            HeaderRow header,
            ImportCounts counts,
            long total)
            throws IOException {
        String errorsFileId = errorWorkbook(context, definition.title(), header.headers());
        boolean wrote = !params.dryRun() && counts.inserted() + counts.updated() > 0;
        if (wrote) {
            definition.afterWrites(context.owner());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", params.kind());
        details.put("dryRun", Boolean.toString(params.dryRun()));
        details.put("accepted", Long.toString(counts.accepted()));
        details.put("rejected", Long.toString(counts.rejected()));
        details.put("inserted", Long.toString(counts.inserted()));
        details.put("updated", Long.toString(counts.updated()));
        details.put("unchanged", Long.toString(counts.unchanged()));
        audit.record(
                context.owner(), "import.done", "job", Long.toString(context.jobId()), AuditOutcome.SUCCESS, details);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", params.kind());
        result.put("dryRun", params.dryRun());
        result.put("rows", counts.read());
        result.put("accepted", counts.accepted());
        result.put("rejected", counts.rejected());
        result.put("inserted", counts.inserted());
        result.put("updated", counts.updated());
        result.put("unchanged", counts.unchanged());
        result.put("errorsFileId", errorsFileId);
        context.result(result);
        context.errors(counts.rejected());
        context.progress(counts.read(), Math.max(total, counts.read()));
        context.message(summary(params.dryRun(), counts));
    }

    /** What the owner reads when it ends; a re-import of the same file says that nothing changed. */
    static String summary(boolean dryRun, ImportCounts c) {
        String rejected = c.rejected() == 0 ? "" : "；" + c.rejected() + " 行有错误未导入，请下载错误行修改后重新导入";
        if (c.read() == 0) {
            return "文件中没有数据行";
        }
        if (dryRun) {
            return "试导入（未写入）：将新增 " + c.inserted() + " 行，更新 " + c.updated() + " 行，" + c.unchanged() + " 行无变化" + rejected;
        }
        if (c.inserted() + c.updated() == 0 && c.unchanged() > 0) {
            return "没有任何更改：" + c.unchanged() + " 行与系统中的数据一致" + rejected;
        }
        return "导入完成：新增 " + c.inserted() + " 行，更新 " + c.updated() + " 行，" + c.unchanged() + " 行无变化" + rejected;
    }

    /** Every refused row, in row order, into a workbook kept as long as the upload. */
    private String errorWorkbook(JobContext context, String title, List<String> headers) throws IOException {
        Path temp = Files.createTempFile("cogov-import-errors-", ".xlsx");
        try (ErrorWorkbook workbook = new ErrorWorkbook(headers)) {
            int after = 0;
            for (var page = rejected.page(context.jobId(), after, 1000);
                    !page.isEmpty();
                    page = rejected.page(context.jobId(), after, 1000)) {
                for (RejectedRows.Rejected row : page) {
                    workbook.row(row);
                    after = row.rowNumber();
                }
            }
            workbook.writeTo(temp);
            try (InputStream in = Files.newInputStream(temp)) {
                return files.store(
                                new NewFile(
                                        context.owner().accountId(),
                                        "IMPORT_ERRORS",
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                        title + "_错误行_" + context.jobId() + ".xlsx",
                                        clock.instant().plus(config.retention())),
                                in)
                        .id();
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Data rows after the header: the progress's total, and a full read before anything is written. */
    private static long count(SheetReader reader, HeaderRow header) throws IOException {
        long[] rows = {0};
        reader.read(raw -> {
            if (raw.rowNumber() > header.rowNumber()) {
                rows[0]++;
            }
            return true;
        });
        return rows[0];
    }

    private ImportCounts counts(String checkpoint) {
        try {
            return json.readValue(checkpoint, ImportCounts.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CogovException unreadable() {
        return new CogovException(ErrorCode.IMPORT_FILE_UNSUPPORTED, "文件已损坏或无法完整读取，请用 Excel 或 WPS 重新保存后再导入");
    }
}

package com.cogov.api.imports;

import com.cogov.api.job.JobContext;
import com.cogov.api.shared.Actor;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an import's rows a chunk at a time. Each chunk is one transaction holding its rows' upserts, its refused rows
 * and the job's checkpoint (the jobs piece's checkpoint joins the transaction), so they commit together or not at
 * all. A dry run rolls each chunk's writes back and then keeps its refused rows and checkpoint in a second
 * transaction: it counts exactly what a real run would, and changes nothing.
 */
@Singleton
class ChunkWriter {

    private final TransactionOperations<Connection> transactions;
    private final RejectedRows rejected;
    private final ImportConfiguration config;
    private final JsonMapper json;

    ChunkWriter(
            TransactionOperations<Connection> transactions,
            RejectedRows rejected,
            ImportConfiguration config,
            JsonMapper json) {
        this.transactions = transactions;
        this.rejected = rejected;
        this.config = config;
        this.json = json;
    }

    <D> Run<D> start(
            JobContext context,
            ImportDefinition<D> definition,
            HeaderRow header,
            boolean dryRun,
            ImportCounts from,
            long total) {
        return new Run<>(context, definition, header, dryRun, from, total);
    }

    /** One run of one import: the chunk being filled, the keys seen so far, the counts. */
    final class Run<D> {
        private final JobContext context;
        private final ImportDefinition<D> definition;
        private final HeaderRow header;
        private final boolean dryRun;
        private final long total;
        private final Actor owner;
        private final List<SheetReader.RawRow> pending = new ArrayList<>();
        /** Natural key → the row that took it: a later row with the same key in the same file is refused. */
        private final Map<String, Integer> keys = new HashMap<>();

        private ImportCounts counts;

        private Run(
                JobContext context,
                ImportDefinition<D> definition,
                HeaderRow header,
                boolean dryRun,
                ImportCounts from,
                long total) {
            this.context = context;
            this.definition = definition;
            this.header = header;
            this.dryRun = dryRun;
            this.counts = from;
            this.total = total;
            this.owner = context.owner();
        }

        ImportCounts counts() {
            return counts;
        }

        /** Takes the next data row; answers false once the job is cancelled. */
        boolean add(SheetReader.RawRow raw) {
            if (raw.rowNumber() <= counts.lastRow()) {
                remember(raw); // committed before a restart: only its key matters now
                return true;
            }
            pending.add(raw);
            if (pending.size() >= config.chunkRows()) {
                flush();
            }
            return !context.isCancelled();
        }

        /** Writes the last, partial chunk. */
        void finish() {
            if (!pending.isEmpty() && !context.isCancelled()) {
                flush();
            }
        }

        private void flush() {
            List<RejectedRows.Rejected> refused = new ArrayList<>();
            Map<String, Integer> taken = new HashMap<>();
            int last = pending.get(pending.size() - 1).rowNumber();
            ImportCounts before = counts;
            ImportCounts after = transactions.executeWrite(status -> {
                ImportCounts c = before;
                for (SheetReader.RawRow raw : pending) {
                    c = one(raw, c, refused, taken);
                }
                c = c.upTo(last);
                if (dryRun) {
                    status.setRollbackOnly();
                } else {
                    keep(c, refused);
                }
                return c;
            });
            if (dryRun) {
                transactions.executeWrite(status -> {
                    keep(after, refused);
                    return null;
                });
            }
            keys.putAll(taken);
            counts = after;
            pending.clear();
            context.progress(counts.read(), Math.max(total, counts.read()));
        }

        private ImportCounts one(
                SheetReader.RawRow raw,
                ImportCounts c,
                List<RejectedRows.Rejected> refused,
                Map<String, Integer> taken) {
            List<String> asRead = header.cellsAsRead(raw);
            String prefix = "第" + raw.rowNumber() + "行";
            if (raw.problem() != null) {
                refused.add(new RejectedRows.Rejected(raw.rowNumber(), asRead, prefix + raw.problem()));
                return c.plusRejected();
            }
            ImportRow row = header.row(raw);
            D parsed = definition.parse(row, owner);
            if (row.rejected()) {
                refused.add(new RejectedRows.Rejected(raw.rowNumber(), asRead, row.reason()));
                return c.plusRejected();
            }
            String key = definition.naturalKey(parsed);
            Integer first = keys.containsKey(key) ? keys.get(key) : taken.get(key);
            if (first != null) {
                refused.add(new RejectedRows.Rejected(
                        raw.rowNumber(),
                        asRead,
                        prefix + "「" + definition.keyColumn() + "」与第" + first + "行相同，同一文件中只能出现一次"));
                return c.plusRejected();
            }
            RowResult result = definition.write(parsed, owner);
            if (result.outcome() == null) {
                String column = result.column() == null ? "" : "「" + result.column() + "」";
                refused.add(new RejectedRows.Rejected(raw.rowNumber(), asRead, prefix + column + result.reason()));
                return c.plusRejected();
            }
            taken.put(key, raw.rowNumber());
            return c.plus(result.outcome());
        }

        private void remember(SheetReader.RawRow raw) {
            if (raw.problem() != null) {
                return;
            }
            ImportRow row = header.row(raw);
            D parsed = definition.parse(row, owner);
            if (!row.rejected()) {
                keys.putIfAbsent(definition.naturalKey(parsed), raw.rowNumber());
            }
        }

        private void keep(ImportCounts c, List<RejectedRows.Rejected> refused) {
            rejected.insert(context.jobId(), refused);
            context.errors(c.rejected());
            try {
                context.checkpoint(json.writeValueAsString(c), c.read());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

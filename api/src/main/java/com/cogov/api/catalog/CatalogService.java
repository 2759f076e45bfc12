package com.cogov.api.catalog;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.DecodedBarcodes;
import com.cogov.contracts.catalog.DecodedBarcodes.DecodedBarcode;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.UnknownBarcodeReportView;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog feature's entry: drugs, their barcodes and special categories, barcode photos and unknown-code reports. */
@Singleton
public class CatalogService {

    private static final Set<Role> REPORTERS = Set.of(Role.PHARMACY_CLERK, Role.PHARMACY_MANAGER);

    private final DrugLookup lookup;
    private final DrugCache cache;
    private final BarcodePhotoDecoder decoder;
    private final UnknownBarcodeReportRepository reports;
    private final AuditService audit;
    private final Clock clock;

    CatalogService(
            DrugLookup lookup,
            DrugCache cache,
            BarcodePhotoDecoder decoder,
            UnknownBarcodeReportRepository reports,
            AuditService audit,
            Clock clock) {
        this.lookup = lookup;
        this.cache = cache;
        this.decoder = decoder;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Resolves what a clerk scanned: a commodity barcode, or a traceability code by its product identifier.
     * Served from Redis when it can be (the database when Redis is down), so not in a transaction of its own.
     *
     * @throws InvalidBarcodeException when the code cannot be a barcode at all (shape or check digit)
     * @throws DrugNotFoundException   when it is valid but no drug carries it
     */
    public DrugView findByCode(String rawCode) {
        Barcode code = Barcode.parse(rawCode);
        return cache.find(code, lookup::find).orElseThrow(() -> DrugNotFoundException.forBarcode(code.value()));
    }

    /** A drug by its catalog id, as registrations refer to it: retired ones too, since old sales name them. */
    public DrugView findById(long id) {
        return cache.findById(id, lookup::findById).orElseThrow(() -> DrugNotFoundException.forId(id));
    }

    /** A drug a new sale names by id: a retired one answers as not found, as its barcodes do. */
    public DrugView findSellableById(long id) {
        DrugView drug = findById(id);
        if (drug.status() == DrugStatus.RETIRED) {
            throw DrugNotFoundException.retired(id);
        }
        return drug;
    }

    /**
     * To be called by whatever changes drugs or barcodes, after its transaction commits: every node's lookups then
     * read the new catalog at once. (Before the commit, a lookup could cache the old data under the new version.)
     */
    public void catalogChanged() {
        cache.invalidateAll();
    }

    /** Every special category (含特殊药品复方制剂), in code order. */
    public List<com.cogov.contracts.catalog.SpecialCategoryView> specialCategories() {
        return lookup.specialCategories();
    }

    /**
     * Finds the codes in a photo of a package and resolves each to its drug. A code the catalog cannot resolve is
     * answered with the reason, next to the codes that resolved.
     *
     * @throws com.cogov.api.shared.ImageUnreadableException the photo's pixels cannot be read (cut off, corrupt, absurdly large)
     * @throws BarcodeNotFoundInImageException   no code was found
     * @throws BarcodeDecoderBusyException       the node is decoding as many photos as it has cores, for too long
     */
    public DecodedBarcodes decodePhoto(ImageUpload photo) {
        long started = System.nanoTime();
        List<BarcodePhotoDecoder.Found> found = decoder.decode(photo);
        long decodeMillis = (System.nanoTime() - started) / 1_000_000;
        if (found.isEmpty()) {
            throw new BarcodeNotFoundInImageException();
        }
        int year = LocalDate.now(clock).getYear();
        return new DecodedBarcodes(found.stream().map(f -> resolve(f, year)).toList(), decodeMillis);
    }

    /**
     * Reports a code the catalog lacks, for the regulator to add. Idempotent per pharmacy: a repeat report (by any of
     * its clerks) answers the existing report, unchanged.
     *
     * @throws InvalidBarcodeException       not a barcode or traceability code
     * @throws BarcodeAlreadyKnownException  the catalog already resolves it
     * @throws AccessDeniedException         the reporter is not a pharmacy's clerk or manager
     */
    @Transactional
    public ReportedBarcode reportUnknownBarcode(Actor reporter, String rawCode, @Nullable String note) {
        if (!REPORTERS.contains(reporter.role()) || reporter.pharmacyId() == null || reporter.accountId() == null) {
            throw new AccessDeniedException("只有药店店员和店长可以上报条码");
        }
        Barcode code = Barcode.parse(rawCode);
        Optional<DrugView> known = lookup.find(code); // the database, not the cache: this decides what is stored
        if (known.isPresent()) {
            throw new BarcodeAlreadyKnownException(code.value(), known.get().name());
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        boolean created = reports.insertIfAbsent(
                        code.value(), reporter.pharmacyId(), reporter.accountId(), cleanNote, clock.instant())
                == 1;
        UnknownBarcodeReport report = reports.findByBarcodeAndPharmacyId(code.value(), reporter.pharmacyId())
                .orElseThrow(() -> new IllegalStateException("report of a code vanished within its transaction"));
        if (created) {
            audit.record(
                    reporter,
                    "catalog.barcode.report",
                    "unknown-barcode-report",
                    String.valueOf(report.id()),
                    AuditOutcome.SUCCESS,
                    Map.of("barcode", report.barcode()));
        }
        return new ReportedBarcode(view(report), created);
    }

    /** A report, and whether this call made it (false: the pharmacy had reported the code before). */
    public record ReportedBarcode(UnknownBarcodeReportView report, boolean created) {}

    private static UnknownBarcodeReportView view(UnknownBarcodeReport report) {
        return new UnknownBarcodeReportView(
                report.id(),
                report.barcode(),
                report.note(),
                UnknownBarcodeReportView.Status.valueOf(report.status()),
                report.reportedAt());
    }

    // ---------------------------------------------------------------- resolving what a photo held

    private DecodedBarcode resolve(BarcodePhotoDecoder.Found found, int year) {
        DecodedBarcodes.Format format =
                DecodedBarcodes.Format.valueOf(found.format().name());
        Optional<Gs1ElementString> gs1 = Gs1ElementString.parse(found.text(), found.symbologyIdentifier());
        String text = gs1.isPresent() ? withoutGs1Flag(found.text()) : found.text();
        if (gs1.isEmpty()) {
            return resolveCode(format, text, text.strip());
        }
        Gs1ElementString elements = gs1.get();
        DecodedBarcodes.Gs1Elements gs1View = new DecodedBarcodes.Gs1Elements(
                elements.gtin().orElse(null),
                elements.expiry(year).orElse(null),
                elements.batch().orElse(null),
                elements.serial().orElse(null));
        Optional<String> gtin = elements.gtin();
        if (gtin.isEmpty()) {
            return unresolved(format, text, null, gs1View, ErrorCode.BARCODE_INVALID, "该 GS1 码中没有商品代码 (01)，无法查询药品");
        }
        if (!gtin.get().matches("\\d{14}") || !Barcode.hasValidGs1CheckDigit(gtin.get())) {
            return unresolved(format, text, null, gs1View, ErrorCode.BARCODE_INVALID, "GS1 码中的商品代码 (01) 校验位不正确，请重新拍摄");
        }
        if (gtin.get().charAt(0) != '0') {
            return unresolved(format, text, null, gs1View, ErrorCode.BARCODE_INVALID, "这是中包或整箱的商品代码，请拍摄最小销售包装上的条码");
        }
        // GTIN-14 with indicator 0 is a retail unit's GTIN-13, -12 or -8 padded with zeros; catalogs store the short
        // form.
        List<String> candidates = new ArrayList<>();
        String gtin13 = gtin.get().substring(1);
        candidates.add(gtin13);
        if (gtin13.startsWith("0")) {
            candidates.add(gtin13.substring(1));
        }
        if (gtin13.startsWith("00000")) {
            candidates.add(gtin13.substring(5));
        }
        for (String candidate : candidates) {
            try {
                return new DecodedBarcode(format, text, candidate, gs1View, findByCode(candidate), null, null);
            } catch (DrugNotFoundException | InvalidBarcodeException e) {
                // the next, shorter form
            }
        }
        return unresolved(
                format,
                text,
                gtin13,
                gs1View,
                ErrorCode.DRUG_NOT_FOUND,
                DrugNotFoundException.forBarcode(gtin13).getMessage());
    }

    private DecodedBarcode resolveCode(DecodedBarcodes.Format format, String text, String raw) {
        Barcode code;
        try {
            code = Barcode.parse(raw);
        } catch (InvalidBarcodeException e) {
            return unresolved(format, text, null, null, e.code(), e.getMessage());
        }
        try {
            return new DecodedBarcode(format, text, code.value(), null, findByCode(code.value()), null, null);
        } catch (DrugNotFoundException e) {
            return unresolved(format, text, code.value(), null, e.code(), e.getMessage());
        }
    }

    private static DecodedBarcode unresolved(
            DecodedBarcodes.Format format,
            String text,
            @Nullable String code,
            @Nullable DecodedBarcodes.Gs1Elements gs1,
            ErrorCode error,
            String detail) {
        return new DecodedBarcode(format, text, code, gs1, null, error.name(), detail);
    }

    /** The GS1 flag is not content: ZXing reports a leading FNC1 as GS, or as "]C1" with ASSUME_GS1. */
    private static String withoutGs1Flag(String text) {
        String content =
                text.startsWith("]C1") || text.startsWith("]d2") || text.startsWith("]Q3") ? text.substring(3) : text;
        while (!content.isEmpty() && content.charAt(0) == Gs1ElementString.GROUP_SEPARATOR) {
            content = content.substring(1);
        }
        return content;
    }
}

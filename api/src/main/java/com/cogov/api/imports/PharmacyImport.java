package com.cogov.api.imports;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.pharmacy.PharmacyUpsert;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CreditCode;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyView;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 药店导入 (kind {@code PHARMACIES}): pharmacies upserted by their licence number through the pharmacy feature's own
 * use case ({@link PharmacyService#upsertByLicense}). The city administrator imports the city, a district inspector
 * their own district: a row of another district is refused. Also the export of pharmacies in this template's layout
 * (export kind {@code PHARMACIES}), so a regulator exports, edits and imports back.
 */
@Singleton
class PharmacyImport implements ImportDefinition<PharmacyRequests.Create>, ExportSource {

    static final String KIND = "PHARMACIES";
    static final String LICENSE = "药品经营许可证编号";
    static final String CREDIT_CODE = "统一社会信用代码";
    static final String NAME = "药店名称";
    static final String DISTRICT = "所在区";
    static final String ADDRESS = "地址";
    static final String LATITUDE = "纬度";
    static final String LONGITUDE = "经度";
    static final String HOURS = "营业时间";
    static final String PHONE = "联系电话";

    private static final Pattern DISTRICT_CODE = Pattern.compile("(\\d{6})(?:\\s*(.*))?");
    private static final Pattern PHONE_FORMAT = Pattern.compile("[0-9+() -]{5,32}");
    /** The district list is read once a minute at most, not once a row. */
    private static final Duration DISTRICTS_FRESH = Duration.ofMinutes(1);

    private final PharmacyService pharmacies;
    private volatile Districts districts = new Districts(List.of(), Instant.EPOCH);

    PharmacyImport(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    private record Districts(List<DistrictView> all, Instant readAt) {}

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "药店导入";
    }

    @Override
    public void authorize(Actor actor) {
        if (actor.role() != Role.CITY_ADMIN
                && !(actor.role() == Role.DISTRICT_INSPECTOR && actor.districtCode() != null)) {
            throw new AccessDeniedException("只有市局管理员和区监管人员可以导入、导出药店");
        }
    }

    @Override
    public List<ImportColumn> columns(Actor actor) {
        List<String> allowed =
                inScope(actor).stream().map(PharmacyImport::label).toList();
        return List.of(
                ImportColumn.required(LICENSE, "鄂CB0270061", "药品经营许可证上的编号；已登记的编号更新该药店，新的编号新增药店"),
                ImportColumn.required(CREDIT_CODE, "91420106MA4K0000X0", "18位，GB 32100-2015，校验位须正确"),
                ImportColumn.required(NAME, "示例大药房（中南路店）", "不超过128个字"),
                ImportColumn.required(
                                DISTRICT, allowed.isEmpty() ? "420106 武昌区" : allowed.get(0), "从下拉列表选择；也可只填6位行政区划代码或区名")
                        .allowing(allowed),
                ImportColumn.required(ADDRESS, "武汉市武昌区中南路99号", "不超过255个字"),
                ImportColumn.required(LATITUDE, "30.546", "GCJ-02（微信、高德地图的坐标），3.8至53.6，最多6位小数"),
                ImportColumn.required(LONGITUDE, "114.316", "GCJ-02，73.5至135.1，最多6位小数"),
                ImportColumn.optional(HOURS, "08:00-22:00", "不超过64个字"),
                ImportColumn.optional(PHONE, "027-88886666", "药店的对外电话，5-32位数字，可含 + - ( ) 空格"));
    }

    @Override
    public PharmacyRequests.Create parse(ImportRow row, Actor owner) {
        String license = row.required(LICENSE, 32);
        String creditCode = row.required(CREDIT_CODE, 18);
        if (creditCode != null && !CreditCode.valid(creditCode.toUpperCase(Locale.ROOT))) {
            row.reject(CREDIT_CODE, "“" + ImportRow.clip(creditCode) + "”不是有效的统一社会信用代码（18位，校验位须正确）");
        }
        String name = row.required(NAME, 128);
        String district = district(row, owner);
        String address = row.required(ADDRESS, 255);
        BigDecimal latitude = row.decimal(LATITUDE, true, new BigDecimal("3.8"), new BigDecimal("53.6"), 6);
        BigDecimal longitude = row.decimal(LONGITUDE, true, new BigDecimal("73.5"), new BigDecimal("135.1"), 6);
        String hours = row.optional(HOURS, 64);
        String phone = row.optional(PHONE, 32);
        if (phone != null && !PHONE_FORMAT.matcher(phone).matches()) {
            row.reject(PHONE, "须为5-32位数字，可含 + - ( ) 空格");
        }
        return new PharmacyRequests.Create(
                license, creditCode, name, district, address, latitude, longitude, hours, phone);
    }

    @Override
    public String keyColumn() {
        return LICENSE;
    }

    @Override
    public String naturalKey(PharmacyRequests.Create row) {
        return row.licenseNumber();
    }

    @Override
    public RowResult write(PharmacyRequests.Create row, Actor owner) {
        PharmacyUpsert done = pharmacies.upsertByLicense(owner, row);
        if (done.accepted()) {
            return RowResult.written(done.outcome());
        }
        String column = switch (done.refusedField() == null ? "" : done.refusedField()) {
            case "licenseNumber" -> LICENSE;
            case "creditCode" -> CREDIT_CODE;
            case "districtCode" -> DISTRICT;
            default -> null;
        };
        return RowResult.refused(column, done.refusal());
    }

    // ---------------------------------------------------------------- the export in this layout

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        authorize(actor);
        String districtCode = filter.get("districtCode");
        String status = filter.get("status");
        String q = filter.get("q");
        pharmacies.list(actor, districtCode, status, q, PageRequest.of(1, null)); // the list's own 400 and 404
        List<String> said = new ArrayList<>();
        if (districtCode != null) {
            said.add("行政区：" + districtCode);
        }
        if (status != null) {
            said.add("状态：" + status);
        }
        if (q != null) {
            said.add("名称、地址或许可证编号含：" + q);
        }
        List<String> headers = columns(actor).stream().map(ImportColumn::header).toList();
        return ExportPlan.of("药店", said.isEmpty() ? "全部" : String.join("，", said), headers, () -> -1, sink -> {
            String cursor = null;
            do {
                Page<PharmacyView> page =
                        pharmacies.list(actor, districtCode, status, q, PageRequest.of(PageRequest.MAX_LIMIT, cursor));
                if (!sink.acceptAll(page.items(), PharmacyImport::exported)) {
                    return;
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        });
    }

    private static List<?> exported(PharmacyView p) {
        return java.util.Arrays.asList(
                p.licenseNumber(),
                p.creditCode(),
                p.name(),
                p.districtCode() + " " + p.districtName(),
                p.address(),
                p.latitude() == null ? null : p.latitude().stripTrailingZeros().toPlainString(),
                p.longitude() == null
                        ? null
                        : p.longitude().stripTrailingZeros().toPlainString(),
                p.openingHours(),
                p.phone());
    }

    // ---------------------------------------------------------------- districts

    /** {@code 420106}, {@code 420106 武昌区} or {@code 武昌区}: a district of the city, in the owner's scope. */
    private String district(ImportRow row, Actor owner) {
        String text = row.required(DISTRICT, 40);
        if (text == null) {
            return null;
        }
        Matcher m = DISTRICT_CODE.matcher(text);
        String code = null;
        for (DistrictView d : all()) {
            if (m.matches() ? d.code().equals(m.group(1)) : d.name().equals(text)) {
                code = d.code();
            }
        }
        if (code == null) {
            row.reject(DISTRICT, "“" + ImportRow.clip(text) + "”不是本市现行的区，请从下拉列表选择");
        } else if (owner.role() == Role.DISTRICT_INSPECTOR && !code.equals(owner.districtCode())) {
            row.reject(DISTRICT, "“" + ImportRow.clip(text) + "”不在您的辖区，只能导入本区的药店");
        }
        return code;
    }

    private List<DistrictView> inScope(Actor actor) {
        return all().stream()
                .filter(d -> actor.role() != Role.DISTRICT_INSPECTOR || d.code().equals(actor.districtCode()))
                .toList();
    }

    private List<DistrictView> all() {
        Districts known = districts;
        if (known.readAt().plus(DISTRICTS_FRESH).isBefore(Instant.now())) {
            known = new Districts(pharmacies.districts(), Instant.now());
            districts = known;
        }
        return known.all();
    }

    private static String label(DistrictView d) {
        return d.code() + " " + d.name();
    }
}

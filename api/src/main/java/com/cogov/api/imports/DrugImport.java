package com.cogov.api.imports;

import com.cogov.api.catalog.BarcodeTakenException;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.catalog.DrugDraft;
import com.cogov.api.catalog.DrugDraftInvalidException;
import com.cogov.api.catalog.DrugEditing;
import com.cogov.api.catalog.SpecialCategoryRules;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.WriteOutcome;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.error.Problem;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 药品导入 (kind {@code DRUGS}, the city administrator's): drugs upserted by their natural key (approval number +
 * strength + package unit) through the catalog's one drug writer ({@link DrugEditing}), barcodes added to the drug
 * they belong to; the catalog is announced changed once, after the import ({@link CatalogService#catalogChanged}).
 */
@Singleton
class DrugImport implements ImportDefinition<DrugDraft> {

    static final String KIND = "DRUGS";
    static final String NAME = "药品名称";
    static final String GENERIC_NAME = "通用名称";
    static final String MAKER = "生产企业";
    static final String STRENGTH = "规格";
    static final String DOSAGE_FORM = "剂型";
    static final String PACKAGE_UNIT = "最小包装单位";
    static final String APPROVAL_NUMBER = "批准文号";
    static final String BARCODES = "商品条码";
    static final String SPECIAL_CATEGORY = "特殊药品类别";
    static final String PRESCRIPTION = "处方药";
    static final String PER_SALE_LIMIT = "每次限购数量";

    /** The usual dosage forms (中国药典 2020 四部 制剂通则): a drop-down of suggestions, not a closed list. */
    static final List<String> DOSAGE_FORMS = List.of(
            "片剂", "胶囊剂", "颗粒剂", "口服溶液剂", "口服混悬剂", "糖浆剂", "合剂", "丸剂", "散剂", "注射剂", "滴眼剂", "滴鼻剂", "喷雾剂", "气雾剂", "软膏剂",
            "乳膏剂", "凝胶剂", "贴剂", "栓剂", "酊剂", "搽剂", "茶剂");

    private static final List<String> YES = List.of("是", "Y", "YES", "TRUE", "1", "处方药", "RX");
    private static final List<String> NO = List.of("否", "N", "NO", "FALSE", "0", "非处方药", "OTC");

    /** The categories are read once a minute at most, not once a row. */
    private static final java.time.Duration CATEGORIES_FRESH = java.time.Duration.ofMinutes(1);

    private final DrugEditing drugs;
    private final CatalogService catalog;
    private volatile Categories categories = new Categories(List.of(), java.time.Instant.EPOCH);

    private record Categories(List<SpecialCategoryRules> all, java.time.Instant readAt) {}

    DrugImport(DrugEditing drugs, CatalogService catalog) {
        this.drugs = drugs;
        this.catalog = catalog;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "药品导入";
    }

    @Override
    public void authorize(Actor actor) {
        if (actor.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以导入、导出药品");
        }
    }

    @Override
    public List<ImportColumn> columns(Actor actor) {
        List<String> categories = categories().stream().map(DrugImport::label).toList();
        return List.of(
                ImportColumn.required(NAME, "新康泰克", "商品名；没有商品名的填通用名称"),
                ImportColumn.required(GENERIC_NAME, "复方盐酸伪麻黄碱缓释胶囊", "不超过128个字"),
                ImportColumn.required(MAKER, "中美天津史克制药有限公司", "不超过128个字"),
                ImportColumn.required(STRENGTH, "每粒含盐酸伪麻黄碱90mg", "与批准文号、最小包装单位一起确定一个药品"),
                ImportColumn.required(DOSAGE_FORM, "胶囊剂", "可从下拉列表选择常用剂型").suggesting(DOSAGE_FORMS),
                ImportColumn.required(PACKAGE_UNIT, "盒", "如 盒、瓶、盒(20粒)"),
                ImportColumn.required(APPROVAL_NUMBER, "国药准字H10940199", "国药准字+H/Z/S/J+8位数字，或进口药品注册证号、医药产品注册证号"),
                ImportColumn.optional(BARCODES, "6901234567892", "包装上的8、12或13位商品条码；多个用分号隔开；只会新增，不会移除已有条码"),
                ImportColumn.optional(SPECIAL_CATEGORY, categories.isEmpty() ? "" : categories.get(0), "普通药品留空；从下拉列表选择")
                        .allowing(categories),
                ImportColumn.required(PRESCRIPTION, "否", "是 或 否").allowing(List.of("是", "否")),
                ImportColumn.optional(PER_SALE_LIMIT, "2", "每次最多销售的最小包装数；留空则按特殊药品类别的规定"));
    }

    @Override
    public DrugDraft parse(ImportRow row, Actor owner) {
        String category = category(row);
        Boolean prescription = prescription(row);
        Integer limit = perSaleLimit(row);
        String barcodes = row.optional(BARCODES, 400);
        List<String> codes = barcodes == null
                ? List.of()
                : Arrays.stream(barcodes.split("[;；,，、\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            return new DrugDraft(
                    row.text(NAME),
                    row.text(GENERIC_NAME),
                    row.text(MAKER),
                    row.text(STRENGTH),
                    row.text(DOSAGE_FORM),
                    row.text(PACKAGE_UNIT),
                    row.text(APPROVAL_NUMBER),
                    category,
                    Boolean.TRUE.equals(prescription),
                    limit,
                    codes);
        } catch (DrugDraftInvalidException e) {
            for (Problem.FieldError error : e.fieldErrors()) {
                row.reject(column(error.field()), error.message());
            }
            return null;
        }
    }

    @Override
    public String keyColumn() {
        return APPROVAL_NUMBER + "、" + STRENGTH + "、" + PACKAGE_UNIT;
    }

    @Override
    public String naturalKey(DrugDraft row) {
        // compared as the database's collation does: case-insensitively
        return (row.approvalNumber() + "\u0000" + row.strength() + "\u0000" + row.packageUnit())
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public RowResult write(DrugDraft row, Actor owner) {
        try {
            return RowResult.written(
                    switch (drugs.upsert(row, owner)) {
                        case INSERTED -> WriteOutcome.INSERTED;
                        case UPDATED -> WriteOutcome.UPDATED;
                        case UNCHANGED -> WriteOutcome.UNCHANGED;
                    });
        } catch (DrugDraftInvalidException e) {
            List<String> parts = new ArrayList<>();
            e.fieldErrors().forEach(f -> parts.add("「" + column(f.field()) + "」" + f.message()));
            return RowResult.refused(null, String.join("；", parts));
        } catch (BarcodeTakenException e) {
            return RowResult.refused(BARCODES, e.getMessage());
        } catch (AccessDeniedException e) {
            throw e; // not a row's fault: the job fails
        } catch (CogovException e) { // a rule of the catalog the row breaks: its own sentence
            return RowResult.refused(null, e.getMessage());
        }
    }

    @Override
    public void afterWrites(Actor owner) {
        catalog.catalogChanged();
    }

    /** {@code EPHEDRINE_COMPOUND}, {@code EPHEDRINE_COMPOUND 含麻黄碱类复方制剂} or {@code 含麻黄碱类复方制剂}; empty: none. */
    private String category(ImportRow row) {
        String text = row.optional(SPECIAL_CATEGORY, 80);
        if (text == null) {
            return null;
        }
        for (SpecialCategoryRules c : categories()) {
            if (text.equalsIgnoreCase(c.code()) || text.equals(c.name()) || text.equals(label(c))) {
                return c.code();
            }
        }
        row.reject(SPECIAL_CATEGORY, "“" + ImportRow.clip(text) + "”不是已知的特殊药品类别，请从下拉列表选择；普通药品留空");
        return null;
    }

    private List<SpecialCategoryRules> categories() {
        Categories known = categories;
        if (known.readAt().plus(CATEGORIES_FRESH).isBefore(java.time.Instant.now())) {
            known = new Categories(catalog.specialCategories(), java.time.Instant.now());
            categories = known;
        }
        return known.all();
    }

    private static Boolean prescription(ImportRow row) {
        String text = row.required(PRESCRIPTION, 10);
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (YES.contains(upper)) {
            return true;
        }
        if (NO.contains(upper)) {
            return false;
        }
        row.reject(PRESCRIPTION, "须为“是”或“否”");
        return null;
    }

    private static Integer perSaleLimit(ImportRow row) {
        String text = row.optional(PER_SALE_LIMIT, 10);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1) {
            row.reject(PER_SALE_LIMIT, "须为正整数");
            return null;
        }
        return Integer.parseInt(text);
    }

    private static String column(String field) {
        String name = field.replaceAll("\\[\\d+]$", "");
        return switch (name) {
            case "name" -> NAME;
            case "genericName" -> GENERIC_NAME;
            case "maker" -> MAKER;
            case "strength" -> STRENGTH;
            case "dosageForm" -> DOSAGE_FORM;
            case "packageUnit" -> PACKAGE_UNIT;
            case "approvalNumber" -> APPROVAL_NUMBER;
            case "barcodes" -> BARCODES;
            case "specialCategoryCode" -> SPECIAL_CATEGORY;
            case "perSaleLimit" -> PER_SALE_LIMIT;
            case "prescriptionOnly" -> PRESCRIPTION;
            default -> field;
        };
    }

    private static String label(SpecialCategoryRules c) {
        return c.code() + " " + c.name();
    }
}

package com.cogov.api.catalog;

import com.cogov.contracts.error.Problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A drug's editable fields as a regulator gives them (the portal's form, a row of an imported workbook), checked and
 * normalised on construction: a draft that exists is well-formed. What needs the database (the special category
 * exists, a barcode is free, the natural key is not another drug's) is checked by the writer ({@link DrugEditing}).
 * <p>
 * Normalised: text stripped; the natural key's parts (approval number, strength, package unit) and the barcodes in
 * NFKC, so full-width digits and letters typed on a Chinese keyboard are the ASCII ones; the approval number without
 * spaces, in upper case and without a leading label ({@code 进口药品注册证号：H20130787} is {@code H20130787}); barcodes
 * without duplicates, in the order given.
 *
 * @param specialCategoryCode a code of {@code special_category} (e.g. {@code EPHEDRINE_COMPOUND}); null for an ordinary
 *                            drug
 * @param perSaleLimit        the drug's own cap of smallest packages per sale; null: its category's applies
 * @param barcodes            EAN-13, EAN-8 or UPC-A commodity barcodes with a valid GS1 check digit; may be empty
 * @throws DrugDraftInvalidException naming every field that is missing, too long or malformed
 */
public record DrugDraft(
        String name,
        String genericName,
        String maker,
        String strength,
        String dosageForm,
        String packageUnit,
        String approvalNumber,
        @Nullable String specialCategoryCode,
        boolean prescriptionOnly,
        @Nullable Integer perSaleLimit,
        List<String> barcodes) {

    /** More than a package ever carries: a longer list is a mistake (a column pasted into one cell). */
    public static final int MAX_BARCODES = 20;

    public static final int MAX_PER_SALE_LIMIT = 999;

    /**
     * Domestic 国药准字 + H (chemical), Z (traditional Chinese), S (biological) or J (imported, repackaged) + 8 digits;
     * imports since 2020 as 国药准字 + H/Z/S + J (abroad) or C (Hong Kong, Macao, Taiwan) + 8 digits; and the licences
     * imports carried before: 进口药品注册证号 H/Z/S + 8 digits, 医药产品注册证号 H/Z/S + C + 8 digits
     * (docs/domain-rules.md §3).
     */
    private static final Pattern APPROVAL_NUMBER = Pattern.compile("国药准字(?:[HZSJ]|[HZS][JC])\\d{8}|[HZS]C?\\d{8}");

    private static final Pattern LICENCE_LABEL = Pattern.compile("^(?:进口药品注册证号?|医药产品注册证号?)[:：]?");

    public DrugDraft {
        List<FieldError> errors = new ArrayList<>();
        name = text(errors, "name", "药品名称", name, 128);
        genericName = text(errors, "genericName", "通用名称", genericName, 128);
        maker = text(errors, "maker", "生产企业", maker, 128);
        strength = text(errors, "strength", "规格", nfkc(strength), 128);
        dosageForm = text(errors, "dosageForm", "剂型", dosageForm, 32);
        packageUnit = text(errors, "packageUnit", "最小包装单位", nfkc(packageUnit), 16);
        approvalNumber = approvalNumber(errors, approvalNumber);
        specialCategoryCode = specialCategoryCode == null || specialCategoryCode.isBlank()
                ? null
                : specialCategoryCode.strip().toUpperCase(Locale.ROOT);
        if (specialCategoryCode != null && !specialCategoryCode.matches("[A-Z_]{1,32}")) {
            errors.add(new FieldError("specialCategoryCode", "特殊药品类别 " + specialCategoryCode + " 不存在"));
        }
        if (perSaleLimit != null && (perSaleLimit < 1 || perSaleLimit > MAX_PER_SALE_LIMIT)) {
            errors.add(new FieldError("perSaleLimit", "每次限购数量须为1到" + MAX_PER_SALE_LIMIT + "之间的整数"));
        }
        barcodes = barcodes(errors, barcodes);
        if (!errors.isEmpty()) {
            throw DrugDraftInvalidException.of(errors);
        }
    }

    /** The natural key's parts as one text, for messages and logs. */
    String naturalKey() {
        return approvalNumber + " / " + strength + " / " + packageUnit;
    }

    private static String text(List<FieldError> errors, String field, String label, @Nullable String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            errors.add(new FieldError(field, "请填写" + label));
        } else if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new FieldError(field, label + "不超过" + max + "个字"));
        }
        return stripped;
    }

    private static String approvalNumber(List<FieldError> errors, @Nullable String value) {
        String normalized = nfkc(value).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        normalized = LICENCE_LABEL.matcher(normalized).replaceFirst("");
        if (normalized.isEmpty()) {
            errors.add(new FieldError("approvalNumber", "请填写批准文号"));
        } else if (!APPROVAL_NUMBER.matcher(normalized).matches()) {
            errors.add(new FieldError(
                    "approvalNumber",
                    "批准文号格式不正确：应为国药准字+H/Z/S/J+8位数字（如国药准字H20000037），进口药品为国药准字HJ/ZJ/SJ+8位数字、"
                            + "进口药品注册证号（如H20130787）或医药产品注册证号（如HC20140012）"));
        }
        return normalized;
    }

    private static List<String> barcodes(List<FieldError> errors, @Nullable List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_BARCODES) {
            errors.add(new FieldError("barcodes", "一个药品最多" + MAX_BARCODES + "个条码"));
            return List.copyOf(given.subList(0, MAX_BARCODES));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String raw = given.get(i) == null ? "" : nfkc(given.get(i)).strip();
            try {
                Barcode code = Barcode.parse(raw);
                if (code.kind() == Barcode.Kind.TRACEABILITY_CODE) {
                    errors.add(new FieldError("barcodes[" + i + "]", "这是20位药品追溯码，不是商品条码：请填写包装上的8、12或13位商品条码"));
                } else {
                    codes.add(code.value());
                }
            } catch (InvalidBarcodeException e) {
                errors.add(new FieldError("barcodes[" + i + "]", "条码 " + shortened(raw) + "：" + e.getMessage()));
            }
        }
        return List.copyOf(codes);
    }

    private static String nfkc(@Nullable String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC);
    }

    private static String shortened(String raw) {
        return raw.length() <= 24 ? raw : raw.substring(0, 24) + "…";
    }
}

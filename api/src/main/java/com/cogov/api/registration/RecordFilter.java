package com.cogov.api.registration;

import com.cogov.api.paging.TimeWindow;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of the regulator's record queries, parsed and checked: the one way both the query routes
 * ({@code GET /portal/v1/registrations}, {@code …/registration-items}) and their exports read a filter, so that an
 * export refuses exactly what the query refuses. Only the shape is checked here; whether a district, pharmacy or drug
 * exists and lies in the caller's scope is {@link RecordScope}'s.
 *
 * @param from    inclusive
 * @param to      exclusive
 * @param warning {@code ANY} for every sale with a warning, or one rule code
 */
public record RecordFilter(
        Instant from,
        Instant to,
        @Nullable String districtCode,
        @Nullable Long pharmacyId,
        @Nullable Long drugId,
        @Nullable String barcode,
        @Nullable String category,
        @Nullable Long clerkId,
        @Nullable RegistrationView.Status status,
        @Nullable String warning,
        boolean minor,
        @Nullable DocumentType documentType,
        @Nullable String documentNumber,
        @Nullable String reason) {

    /** The parameters a filter may carry, by name; anything else is refused (a typo must not widen a query). */
    public static final Set<String> NAMES = Set.of(
            "from",
            "to",
            "districtCode",
            "pharmacyId",
            "drugId",
            "barcode",
            "category",
            "clerkId",
            "status",
            "warning",
            "minor",
            "documentType",
            "documentNumber",
            "reason");

    public static final String ANY_WARNING = "ANY";

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern BARCODE = Pattern.compile("\\d{8,20}");

    /**
     * Parses the parameters by name (absent or empty: not filtered).
     *
     * @throws RecordQueryException 400 naming the parameter: TIME_SPAN_INVALID, REASON_REQUIRED or
     *                              QUERY_PARAMETER_INVALID
     */
    public static RecordFilter from(Map<String, String> values, CityConfiguration city) {
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                throw RecordQueryException.invalid(name, "不支持的查询条件 " + shortened(name));
            }
        }
        TimeWindow window = TimeWindow.required(values.get("from"), values.get("to"), city);
        Instant from = window.from();
        Instant to = window.to();
        String district = matching(values, "districtCode", DISTRICT, "行政区代码为6位数字，如 420106");
        String category = matching(values, "category", CODE, "类别代码如 EPHEDRINE_COMPOUND");
        String warning = matching(upper(values, "warning"), "warning", CODE, "预警条件为 ANY 或规则代码，如 VELOCITY_24H");
        String barcode = matching(values, "barcode", BARCODE, "条码为8到20位数字");
        String number = text(values, "documentNumber");
        String reason = text(values, "reason");
        if (number != null && (reason == null || reason.isBlank())) {
            throw RecordQueryException.reasonRequired();
        }
        if (reason != null && reason.length() > 200) {
            throw RecordQueryException.invalid("reason", "查询事由不超过200个字");
        }
        return new RecordFilter(
                from,
                to,
                district,
                id(values, "pharmacyId"),
                id(values, "drugId"),
                barcode,
                category,
                id(values, "clerkId"),
                choice(values, "status", RegistrationView.Status.class, "状态为 ACTIVE 或 VOIDED"),
                warning,
                flag(values, "minor"),
                choice(values, "documentType", DocumentType.class, "证件类型如 RESIDENT_ID"),
                number,
                reason == null ? null : reason.strip());
    }

    /** The window and filters as a regulator reads them (an export's header, the audit trail); never the number. */
    public String describe(CityConfiguration city) {
        StringBuilder text =
                new StringBuilder().append(city.dayOf(from)).append(" 至 ").append(city.dayOf(to.minusNanos(1)));
        part(text, "行政区", districtCode);
        part(text, "药店", pharmacyId);
        part(text, "药品", drugId);
        part(text, "条码", barcode);
        part(text, "类别", category);
        part(text, "店员", clerkId);
        part(text, "状态", status);
        part(text, "预警", warning);
        part(text, "未成年购买人", minor ? "是" : null);
        part(text, "按证件号码查询，事由", documentNumber == null ? null : reason);
        return text.toString();
    }

    private static void part(StringBuilder text, String label, @Nullable Object value) {
        if (value != null) {
            text.append("，").append(label).append("：").append(value);
        }
    }

    private static @Nullable String text(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Rule codes are upper case; {@code warning=any} reads as well as {@code ANY}. */
    private static Map<String, String> upper(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null ? Map.of() : Map.of(name, value.toUpperCase(java.util.Locale.ROOT));
    }

    private static @Nullable String matching(Map<String, String> values, String name, Pattern shape, String hint) {
        String value = text(values, name);
        if (value == null) {
            return null;
        }
        if (!shape.matcher(value).matches()) {
            throw RecordQueryException.invalid(name, name + " 格式不正确：" + hint);
        }
        return value;
    }

    private static @Nullable Long id(Map<String, String> values, String name) {
        String value = text(values, name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RecordQueryException.invalid(name, name + " 须为正整数");
    }

    private static <E extends Enum<E>> @Nullable E choice(
            Map<String, String> values, String name, Class<E> type, String hint) {
        String value = text(values, name);
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw RecordQueryException.invalid(name, name + " 取值不正确：" + hint);
    }

    private static boolean flag(Map<String, String> values, String name) {
        String value = text(values, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw RecordQueryException.invalid(name, name + " 须为 true 或 false");
    }

    /** A parameter's name is the caller's text: quoted only in part, so a long one cannot fill the answer. */
    private static String shortened(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    /** Nothing personal: the document number may reach a log line. */
    @Override
    public String toString() {
        return "RecordFilter[" + from + ".." + to + (documentNumber == null ? "" : ", by buyer") + "]";
    }
}

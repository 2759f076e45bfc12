package com.cogov.api.buyer;

import com.cogov.infra.dev.FakeWeChatServer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal values the tests, the load harness and the log check feed through the system, their ID numbers made with
 * the production check character ({@link IdentityDocument#checkCharacter}): one implementation of GB 11643. (The rule
 * tests keep an independent one, {@code IdNumbers}, on purpose: a test oracle written from the standard's other form.) None of them may ever appear unmasked in a log line:
 * LogHygieneTest checks every module's test output for the listed values and for any checksum-valid resident ID.
 */
public final class TestPersonalData {

    public static final String PHONE = "13800138000";
    /** The buyer's name in the registration tests: distinctive, so a leak cannot be a coincidence. */
    public static final String COUNTER_BUYER_NAME = "司马测试乙";

    /** Wuhan's districts (GB/T 2260): fresh numbers go round them, 1,000 sequence numbers each, before a birth date moves. */
    private static final String[] DISTRICTS = {
        "420106", "420102", "420103", "420104", "420105", "420107", "420111", "420112", "420113", "420114", "420115",
        "420116", "420117"
    };

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dX](?![0-9A-Za-z])");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    /** A buyer (female, born 1985-06-12) whose number ends in X, so lower-case input and masking are exercised. */
    public static final String BUYER_ID = "42010219850612002X";
    /** The same number as a clerk may type it: lower-case x, spaces, a full-width digit. */
    public static final String BUYER_ID_LOWERCASE_TYPED = "4201 0219 8506 12００2x";

    public static final String BUYER_NAME = "欧阳晓梅";
    public static final String BUYER_ADDRESS = "湖北省武汉市江岸区沿江大道188号";
    public static final FakeWeChatServer.IdCardOcrResult BUYER_CARD =
            new FakeWeChatServer.IdCardOcrResult(BUYER_NAME, BUYER_ID, BUYER_ADDRESS, "女", "汉");
    /** What an OCR misreading the X of {@link #BUYER_ID} as a 1 answers: its check character fails. */
    public static final String MISREAD_BUYER_ID = "420102198506120021";
    /** The example number of GB 11643, used by the rule tests. */
    public static final String GB11643_EXAMPLE = "11010519491231002X";

    private TestPersonalData() {}

    /** Every fixed value to look for. */
    public static List<String> values() {
        return List.of(
                PHONE,
                FakeWeChatServer.DEMO_IDENTITY.id(),
                FakeWeChatServer.DEMO_IDENTITY.addr(),
                COUNTER_BUYER_NAME,
                BUYER_ID,
                BUYER_ID.toLowerCase(java.util.Locale.ROOT),
                BUYER_NAME,
                BUYER_ADDRESS,
                MISREAD_BUYER_ID,
                GB11643_EXAMPLE,
                GB11643_EXAMPLE.substring(0, 6) + GB11643_EXAMPLE.substring(8, 17));
    }

    /**
     * A fresh, checksum-valid resident ID number of someone born on {@code birth}, or a few days before once 13,000
     * numbers have been handed out for a date: never the same number twice in a JVM.
     */
    public static String residentId(LocalDate birth) {
        int n = SEQUENCE.getAndIncrement();
        int perDate = 1000 * DISTRICTS.length;
        return residentId(DISTRICTS[(n % perDate) / 1000], birth.minusDays(n / perDate), n % 1000);
    }

    /** The checksum-valid resident ID number with these parts (GB 11643): district, birth date, sequence 0-999. */
    public static String residentId(String district, LocalDate birth, int sequence) {
        String body = district + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    /** The first checksum-valid resident ID number in a text, if any (GB 11643). */
    public static java.util.Optional<String> findResidentId(String text) {
        Matcher m = RESIDENT_ID.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            if (checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static char checkCharacter(String seventeen) {
        return IdentityDocument.checkCharacter(seventeen);
    }
}

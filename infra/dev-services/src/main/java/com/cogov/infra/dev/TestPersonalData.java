package com.cogov.infra.dev;

import java.util.List;

/**
 * Personal values the tests feed through the system (phones bound through the fake WeChat API, identities the fake
 * OCR reads). None of them may ever appear unmasked in a log line; LogHygieneTest checks every module's test output.
 */
public final class TestPersonalData {

    public static final String PHONE = "13800138000";

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

    private TestPersonalData() {
    }

    /** Every value to look for. Names are listed only where long enough not to match ordinary text. */
    public static List<String> values() {
        return List.of(PHONE, FakeWeChatServer.DEMO_IDENTITY.id(), FakeWeChatServer.DEMO_IDENTITY.addr(),
                BUYER_ID, BUYER_ID.toLowerCase(java.util.Locale.ROOT), BUYER_NAME, BUYER_ADDRESS, MISREAD_BUYER_ID,
                GB11643_EXAMPLE, GB11643_EXAMPLE.substring(0, 6) + GB11643_EXAMPLE.substring(8, 17));
    }
}

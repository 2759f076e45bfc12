package com.cogov.infra.dev;

import java.util.List;

/**
 * Personal values the tests feed through the system (phones bound through the fake WeChat API, identities the fake
 * OCR reads). None of them may ever appear unmasked in a log line; LogHygieneTest checks every module's test output.
 */
public final class TestPersonalData {

    public static final String PHONE = "13800138000";

    private TestPersonalData() {
    }

    /** Every value to look for. Names are listed only where long enough not to match ordinary text. */
    public static List<String> values() {
        return List.of(PHONE, FakeWeChatServer.DEMO_IDENTITY.id(), FakeWeChatServer.DEMO_IDENTITY.addr());
    }
}

package com.cogov.api.catalog;

/**
 * A code read from a drug package, classified and checked (docs/domain-rules.md §3): a GS1 commodity barcode
 * (EAN-13, EAN-8, UPC-A, with its mod-10 check digit) or a 20-digit traceability code, whose first 7 digits
 * identify the product. The traceability code's own check algorithm is not public, so only its shape is checked.
 */
record Barcode(String value, Kind kind) {

    enum Kind {
        EAN_13,
        EAN_8,
        UPC_A,
        TRACEABILITY_CODE
    }

    static Barcode parse(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidBarcodeException.wrongShape();
        }
        Kind kind = switch (code.length()) {
            case 13 -> Kind.EAN_13;
            case 8 -> Kind.EAN_8;
            case 12 -> Kind.UPC_A;
            case 20 -> Kind.TRACEABILITY_CODE;
            default -> throw InvalidBarcodeException.wrongShape();
        };
        if (kind != Kind.TRACEABILITY_CODE && !hasValidGs1CheckDigit(code)) {
            throw InvalidBarcodeException.wrongCheckDigit();
        }
        return new Barcode(code, kind);
    }

    /** The 7-digit product identifier of a traceability code. */
    String productIdentifier() {
        return value.substring(0, 7);
    }

    /** GS1 mod 10: from the right, excluding the check digit, weights 3,1,3,1,... */
    static boolean hasValidGs1CheckDigit(String digits) {
        int sum = 0;
        int last = digits.length() - 1;
        for (int i = last - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(last) - '0';
    }
}

package com.cogov.api.statistics;

/** What one row of the rollup ({@code statistics_daily}) counts, per China day. */
enum Grain {
    /** One pharmacy. */
    PHARMACY,
    /** One pharmacy's sales of one special category: what the alert detection's surge compares. */
    PHARMACY_CATEGORY,
    /** One drug in one district. */
    DRUG,
    /** One special category in one district. */
    CATEGORY,
    /** One district. */
    DISTRICT,
    /** The whole city: the exact distinct buyers of a day across districts. */
    CITY
}

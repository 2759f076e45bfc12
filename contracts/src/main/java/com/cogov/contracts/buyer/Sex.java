package com.cogov.contracts.buyer;

import io.swagger.v3.oas.annotations.media.Schema;

/** A buyer's sex as their ID number states it (the 17th digit of a resident ID number: odd is male). */
@Schema(description = "As the ID number states it (17th digit odd: male)")
public enum Sex {
    MALE,
    FEMALE
}

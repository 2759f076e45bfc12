package com.cogov.contracts.crossborder;

/**
 * A registration's standing on the day asked (China time): within its dates ({@code VALID}), past its last day
 * ({@code EXPIRED}), revoked by the bureau ({@code REVOKED}), or registered ahead of its first day
 * ({@code NOT_YET_VALID}).
 */
public enum CrossBorderStatus {
    VALID,
    EXPIRED,
    REVOKED,
    NOT_YET_VALID
}

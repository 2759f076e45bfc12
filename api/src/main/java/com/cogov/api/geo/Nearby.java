package com.cogov.api.geo;

/** One member found near a point, with its distance in metres. */
public record Nearby(long id, double distanceMeters) {}

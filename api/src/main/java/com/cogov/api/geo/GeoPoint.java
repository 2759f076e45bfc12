package com.cogov.api.geo;

/**
 * A place as the mini program's {@code wx.getLocation({type: 'gcj02'})} gives it: GCJ-02 degrees, the datum every map
 * in China draws on. Distances are computed on these coordinates as they are: GCJ-02's offset from WGS-84 varies by a
 * few metres over a city, far below what "nearby" or the 500 m off-site check can notice, so no conversion is made.
 */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_RADIUS_METERS = 6_372_797.560856; // the radius Redis GEO uses

    /** Whether the numbers can be a place at all (a phone sends 0,0 or NaN when it has no fix). */
    public static boolean valid(double latitude, double longitude) {
        return Double.isFinite(latitude)
                && Double.isFinite(longitude)
                && latitude >= -85.05112878 // Redis GEO's limit, also no pharmacy is nearer the pole
                && latitude <= 85.05112878
                && longitude >= -180
                && longitude <= 180;
    }

    /** Great-circle (haversine) distance in metres, the formula Redis GEO uses, so both agree. */
    public double metersTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

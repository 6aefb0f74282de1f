package dev.verdict.server.type.geo;

/**
 * A search area (GeoShape): a circle of {@code radius} or a box of {@code width} x
 * {@code height} around a centre, sizes in the request's unit ({@code conversion} metres each).
 */
public record GeoShape(boolean circle, double longitude, double latitude, double radius, double width,
                       double height, double conversion) {

    /** geoWithinShape: the distance in metres to a point inside the shape, or -1 when outside. */
    double distanceIfWithin(double lon, double lat) {
        if (circle) {
            double d = GeoDistance.distance(longitude, latitude, lon, lat);
            return d > radius * conversion ? -1 : d;
        }
        double widthM = width * conversion;
        double heightM = height * conversion;
        if (GeoDistance.latDistance(lat, latitude) > heightM / 2) return -1;
        if (GeoDistance.distance(lon, lat, longitude, lat) > widthM / 2) return -1;
        return GeoDistance.distance(longitude, latitude, lon, lat);
    }

    /** The radius that covers the shape, in metres (the box's half diagonal). */
    double coveringRadiusMeters() {
        double r = circle ? radius : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
        return r * conversion;
    }
}

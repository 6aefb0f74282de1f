package dev.verdict.server.type.geo;

import dev.verdict.server.type.zset.ZSetType;
import dev.verdict.server.type.zset.ZSetValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the members of a geo sorted set inside a shape as Redis does (geo.c,
 * geohash_helper.c): pick a cell size from the radius, take the centre's cell and its eight
 * neighbours (dropping those the bounding box does not reach), scan each cell's score range
 * and keep the points whose distance puts them inside the shape.
 */
public final class GeoSearch {

    /** A member found inside the shape, with its score, centre coordinates and distance in metres. */
    public record Point(byte[] member, double score, double longitude, double latitude, double distance) {
    }

    private GeoSearch() {
    }

    /** Every point in the shape, or up to {@code limit} (ANY) when it is not 0, in cell scan order. */
    public static List<Point> search(ZSetValue zset, GeoShape shape, long limit) {
        List<Point> found = new ArrayList<>();
        GeoHash.Bits[] cells = cellsFor(shape);
        int lastProcessed = 0;
        for (int i = 0; i < cells.length; i++) {
            GeoHash.Bits cell = cells[i];
            if (cell.isZero()) continue;
            // Huge radii make neighbours coincide; scan each distinct cell once.
            if (lastProcessed != 0 && cell.equals(cells[lastProcessed])) continue;
            if (!found.isEmpty() && limit != 0 && found.size() >= limit) break;
            scanCell(zset, cell, shape, found, limit);
            lastProcessed = i;
        }
        return found;
    }

    private static void scanCell(ZSetValue zset, GeoHash.Bits cell, GeoShape shape, List<Point> found, long limit) {
        double min = GeoHash.align52(cell);
        double max = GeoHash.align52(new GeoHash.Bits(cell.bits() + 1, cell.step()));
        long start = ZSetType.countWhile(zset, (score, member) -> score < min);
        ZSetType.walk(zset, start, true, (member, score) -> {
            if (score >= max) return false;
            double[] xy = GeoHash.decodeScore(score);
            double distance = shape.distanceIfWithin(xy[0], xy[1]);
            if (distance >= 0) found.add(new Point(member, score, xy[0], xy[1], distance));
            return found.isEmpty() || limit == 0 || found.size() < limit;
        });
    }

    /** The centre cell then N, S, E, W, NE, NW, SE, SW (geohashCalculateAreasByShapeWGS84). */
    static GeoHash.Bits[] cellsFor(GeoShape shape) {
        double[] bounds = boundingBox(shape);
        double minLon = bounds[0];
        double minLat = bounds[1];
        double maxLon = bounds[2];
        double maxLat = bounds[3];
        int steps = estimateSteps(shape.coveringRadiusMeters(), shape.latitude());
        GeoHash.Bits hash = GeoHash.encodeWgs84(shape.longitude(), shape.latitude(), steps);
        GeoHash.Bits[] n = neighbours(hash);
        GeoHash.Area north = GeoHash.decode(n[1]);
        GeoHash.Area south = GeoHash.decode(n[2]);
        GeoHash.Area east = GeoHash.decode(n[3]);
        GeoHash.Area west = GeoHash.decode(n[4]);
        boolean decrease = north.latMax() < maxLat || south.latMin() > minLat
                || east.longMax() < maxLon || west.longMin() > minLon;
        if (steps > 1 && decrease) {
            steps--;
            hash = GeoHash.encodeWgs84(shape.longitude(), shape.latitude(), steps);
            n = neighbours(hash);
        }
        GeoHash.Area area = GeoHash.decode(hash);
        if (steps >= 2) {
            if (area.latMin() < minLat) zero(n, 2, 8, 7);
            if (area.latMax() > maxLat) zero(n, 1, 5, 6);
            if (area.longMin() < minLon) zero(n, 4, 8, 6);
            if (area.longMax() > maxLon) zero(n, 3, 7, 5);
        }
        return n;
    }

    private static void zero(GeoHash.Bits[] cells, int... indexes) {
        for (int i : indexes) cells[i] = GeoHash.Bits.ZERO;
    }

    private static GeoHash.Bits[] neighbours(GeoHash.Bits hash) {
        return new GeoHash.Bits[] {
                hash,
                GeoHash.moveY(hash, 1),
                GeoHash.moveY(hash, -1),
                GeoHash.moveX(hash, 1),
                GeoHash.moveX(hash, -1),
                GeoHash.moveY(GeoHash.moveX(hash, 1), 1),
                GeoHash.moveY(GeoHash.moveX(hash, -1), 1),
                GeoHash.moveY(GeoHash.moveX(hash, 1), -1),
                GeoHash.moveY(GeoHash.moveX(hash, -1), -1)};
    }

    /** geohashBoundingBox: {minLon, minLat, maxLon, maxLat}. */
    static double[] boundingBox(GeoShape shape) {
        double longitude = shape.longitude();
        double latitude = shape.latitude();
        double height = shape.conversion() * (shape.circle() ? shape.radius() : shape.height() / 2);
        double width = shape.conversion() * (shape.circle() ? shape.radius() : shape.width() / 2);
        double r = GeoDistance.EARTH_RADIUS_IN_METERS;
        double latDelta = GeoDistance.radDeg(height / r);
        double longDeltaTop = GeoDistance.radDeg(width / r / Math.cos(GeoDistance.degRad(latitude + latDelta)));
        double longDeltaBottom = GeoDistance.radDeg(width / r / Math.cos(GeoDistance.degRad(latitude - latDelta)));
        boolean south = latitude < 0;
        return new double[] {
                south ? longitude - longDeltaBottom : longitude - longDeltaTop,
                latitude - latDelta,
                south ? longitude + longDeltaBottom : longitude + longDeltaTop,
                latitude + latDelta};
    }

    /** geohashEstimateStepsByRadius. */
    static int estimateSteps(double rangeMeters, double lat) {
        if (rangeMeters == 0) return 26;
        int step = 1;
        while (rangeMeters < GeoDistance.MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) step--;
        }
        return Math.max(1, Math.min(26, step));
    }
}

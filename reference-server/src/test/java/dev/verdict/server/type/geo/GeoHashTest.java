package dev.verdict.server.type.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The geohash arithmetic against values real Redis 7.0.15 gives for the same places. */
class GeoHashTest {

    @Test
    void palermoEncodesToRedisScoreAndDecodesToItsCellCentre() {
        GeoHash.Bits hash = GeoHash.encodeWgs84(13.361389, 38.115556, GeoHash.STEP_MAX);
        long score = GeoHash.align52(hash);
        assertThat(score).isEqualTo(3479099956230698L);
        double[] xy = GeoHash.decodeScore(score);
        assertThat(GeoCommands.distance(xy[0])).isEqualTo("13.3614");
        assertThat(xy[0]).isEqualTo(13.361389338970184);
        assertThat(xy[1]).isEqualTo(38.115556395496299);
    }

    @Test
    void geohashStringIsReencodedOverTheStandardLatitudeRange() {
        assertThat(GeoHash.toBase32(3479099956230698L)).isEqualTo("sqc8b49rny0");
        assertThat(GeoHash.toBase32(3479447370796909L)).isEqualTo("sqdtr74hyu0");
    }

    @Test
    void distanceUsesRedisEarthRadius() {
        double[] palermo = GeoHash.decodeScore(3479099956230698L);
        double[] catania = GeoHash.decodeScore(3479447370796909L);
        assertThat(GeoCommands.distance(GeoDistance.distance(palermo[0], palermo[1], catania[0], catania[1])))
                .isEqualTo("166274.1516");
    }

    @Test
    void neighboursWrapAroundTheCellGrid() {
        GeoHash.Bits cell = GeoHash.encodeWgs84(0, 0, 4);
        GeoHash.Bits east = GeoHash.moveX(cell, 1);
        GeoHash.Bits back = GeoHash.moveX(east, -1);
        assertThat(back).isEqualTo(cell);
        assertThat(GeoHash.decode(east).longMin()).isEqualTo(GeoHash.decode(cell).longMax());
    }

    @Test
    void searchStepShrinksWithRadiusAndNearThePoles() {
        assertThat(GeoSearch.estimateSteps(0, 0)).isEqualTo(26);
        assertThat(GeoSearch.estimateSteps(100_000, 0)).isEqualTo(7);
        assertThat(GeoSearch.estimateSteps(100_000, 70)).isEqualTo(6);
        assertThat(GeoSearch.estimateSteps(100_000, 85)).isEqualTo(5);
    }

    /** Any sorted-set score reaches GEOPOS; Redis casts it to uint64_t, which x86-64 does its own way. */
    @Test
    void scoresOutsideTheUint64RangeDecodeAsRedisCastsThemOnX86() {
        double[] cellZero = {-179.99999731779098511, -85.05112751263942528};
        double[] topBitOnly = {180, -85.05112751263942528};
        for (double score : new double[] {Double.POSITIVE_INFINITY, 1e308, 0x1p64}) {
            assertThat(GeoHash.decodeScore(score)).as("score %s", score).containsExactly(cellZero);
        }
        for (double score : new double[] {Double.NEGATIVE_INFINITY, -1e19, 0x1p63}) {
            assertThat(GeoHash.decodeScore(score)).as("score %s", score).containsExactly(topBitOnly);
        }
        assertThat(GeoHash.decodeScore(1e19)).containsExactly(180, 85.0511287799999991);
        assertThat(GeoHash.toBase32(Double.POSITIVE_INFINITY)).isEqualTo("00bh0hbj200");
        assertThat(GeoHash.toBase32(1e19)).isEqualTo("bp05b5048p0");
    }
}

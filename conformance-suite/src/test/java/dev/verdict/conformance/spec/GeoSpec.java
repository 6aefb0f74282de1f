package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Geo: GEOADD options, GEODIST/GEOPOS/GEOHASH, GEOSEARCH and the legacy GEORADIUS family (Redis 7.0). */
@SpecSuite(family = "geo")
class GeoSpec {

    private static void sicily(SpecSession s) {
        s.call("GEOADD", "Sicily", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania").is(integer(2));
    }

    @SpecCase("GEOADD")
    void geoaddOptionsAndCoordinateLimits(SpecSession s) {
        sicily(s);
        s.call("GEOADD", "Sicily", "NX", "13", "38", "Palermo").is(integer(0));
        s.call("GEOADD", "Sicily", "XX", "CH", "13.361389", "38.115556", "Palermo", "1", "1", "New").is(integer(0));
        s.call("GEOADD", "Sicily", "CH", "13.5", "38.1", "Palermo").is(integer(1));
        s.call("GEOADD", "Sicily", "NX", "XX", "1", "1", "x").is(syntaxError());
        s.call("GEOADD", "g", "200", "10", "x").is(error("ERR invalid longitude,latitude pair 200.000000,10.000000"));
        s.call("GEOADD", "g", "10", "86", "x").is(error("ERR invalid longitude,latitude pair 10.000000,86.000000"));
        s.call("GEOADD", "g", "10", "10").is(wrongArity("geoadd"));
        s.call("TYPE", "Sicily").is(simple("zset"));
    }

    @SpecCase("GEODIST")
    void geodistInUnits(SpecSession s) {
        sicily(s);
        s.call("GEODIST", "Sicily", "Palermo", "Catania").is(bulk("166274.1516"));
        s.call("GEODIST", "Sicily", "Palermo", "Catania", "km").is(bulk("166.2742"));
        s.call("GEODIST", "Sicily", "Palermo", "Catania", "mi").is(bulk("103.3182"));
        s.call("GEODIST", "Sicily", "Palermo", "Nowhere").is(nil());
        s.call("GEODIST", "Sicily", "Palermo", "Catania", "parsec").is(
                error("ERR unsupported unit provided. please use M, KM, FT, MI"));
    }

    @SpecCase("GEOPOS")
    void geoposAndGeohash(SpecSession s) {
        sicily(s);
        s.call("GEOPOS", "Sicily", "Palermo", "Nowhere").is(array(
                array(dbl("13.36138933897018433"), dbl("38.11555639549629859")), nilArray()));
        s.call("GEOHASH", "Sicily", "Palermo", "Catania", "Nowhere").is(array("sqc8b49rny0", "sqdtr74hyu0", null));
    }

    @SpecCase("GEOSEARCH")
    void geosearchByRadiusAndBox(SpecSession s) {
        sicily(s);
        s.call("GEOADD", "Sicily", "12.758489", "38.788135", "edge1", "17.241510", "38.788135", "edge2").is(integer(2));
        s.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC").is(
                array("Catania", "Palermo"));
        s.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYBOX", "400", "400", "km", "ASC", "WITHDIST").is(array(
                array("Catania", "56.4413"), array("Palermo", "190.4424"), array("edge2", "279.7403"), array("edge1", "279.7405")));
        s.call("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYRADIUS", "10", "km").is(array("Palermo"));
        s.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC", "COUNT", "1", "WITHCOORD").is(
                array(array("Catania", array(dbl("15.08726745843887329"), dbl("37.50266842333162032")))));
        s.call("GEOSEARCH", "Sicily", "FROMMEMBER", "Nowhere", "BYRADIUS", "10", "km").is(
                error("ERR could not decode requested zset member"));
        s.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "FROMMEMBER", "Palermo", "BYRADIUS", "10", "km")
                .is(syntaxError());
        s.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "ASC", "COUNT", "1").is(
                error("ERR exactly one of BYRADIUS and BYBOX can be specified for GEOSEARCH"));
    }

    @SpecCase("GEOSEARCHSTORE")
    void geosearchstoreStoresMembersOrDistances(SpecSession s) {
        sicily(s);
        s.call("GEOSEARCHSTORE", "dst", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km").is(integer(2));
        s.call("ZCARD", "dst").is(integer(2));
        s.call("GEOSEARCHSTORE", "dist", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "STOREDIST").is(integer(2));
        s.call("ZSCORE", "dist", "Catania").is(doubleBetween(56.44, 56.45));
    }

    @SpecCase("GEORADIUS")
    void legacyRadiusCommands(SpecSession s) {
        sicily(s);
        s.call("GEORADIUS", "Sicily", "15", "37", "200", "km", "WITHDIST", "ASC").is(
                array(array("Catania", "56.4413"), array("Palermo", "190.4424")));
        s.call("GEORADIUSBYMEMBER", "Sicily", "Palermo", "200", "km", "ASC").is(array("Palermo", "Catania"));
        s.call("GEORADIUS_RO", "Sicily", "15", "37", "100", "km").is(array("Catania"));
        s.call("GEORADIUSBYMEMBER_RO", "Sicily", "Catania", "1", "km").is(array("Catania"));
        s.call("GEORADIUS", "Sicily", "15", "37", "200", "km", "STORE", "out").is(integer(2));
        s.call("GEORADIUS", "Sicily", "15", "37", "200", "lightyears").is(
                error("ERR unsupported unit provided. please use M, KM, FT, MI"));
    }
}

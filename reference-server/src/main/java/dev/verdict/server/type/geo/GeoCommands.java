package dev.verdict.server.type.geo;

import dev.verdict.server.client.Client;
import dev.verdict.server.resp.DoubleFormat;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandHandler;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.db.ObjectType;
import dev.verdict.server.db.RedisObject;
import dev.verdict.server.pubsub.KeyspaceEvents;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.type.zset.Scores;
import dev.verdict.server.type.zset.ZSetType;
import dev.verdict.server.type.zset.ZSetValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** Geo commands (geo.c): points stored as 52-bit geohash scores in a sorted set. */
public final class GeoCommands implements CommandFamily {

    private static final int RADIUS_COORDS = 1;
    private static final int RADIUS_MEMBER = 2;
    private static final int RADIUS_NOSTORE = 4;
    private static final int GEOSEARCH = 8;
    private static final int GEOSEARCHSTORE = 16;

    @Override
    public void register(CommandTable table) {
        table.bind("geoadd", GeoCommands::geoadd);
        table.bind("geodist", GeoCommands::geodist);
        table.bind("geohash", GeoCommands::geohash);
        table.bind("geopos", GeoCommands::geopos);
        table.bind("georadius", (c, a) -> search(c, a, 1, RADIUS_COORDS));
        table.bind("georadius_ro", (c, a) -> search(c, a, 1, RADIUS_COORDS | RADIUS_NOSTORE));
        table.bind("georadiusbymember", (c, a) -> search(c, a, 1, RADIUS_MEMBER));
        table.bind("georadiusbymember_ro", (c, a) -> search(c, a, 1, RADIUS_MEMBER | RADIUS_NOSTORE));
        table.bind("geosearch", (c, a) -> search(c, a, 1, GEOSEARCH));
        table.bind("geosearchstore", (c, a) -> search(c, a, 2, GEOSEARCH | GEOSEARCHSTORE));
    }

    // ---- argument helpers

    /** The key's sorted set, null when missing; {@link #WRONG} after a WRONGTYPE reply. */
    private static ZSetValue lookup(Client client, byte[] key) {
        RedisObject value = client.db().lookupRead(key);
        if (value == null) return null;
        if (value.type() != ObjectType.ZSET) {
            client.reply().error(Errors.WRONGTYPE);
            return WRONG;
        }
        return (ZSetValue) value;
    }

    private static final ZSetValue WRONG = ZSetType.createSkiplist();

    /** {longitude, latitude}, or null after replying the error. */
    private static double[] longLat(Client client, byte[] lon, byte[] lat) {
        Double x = Scores.parse(lon);
        Double y = x == null ? null : Scores.parse(lat);
        if (x == null || y == null) {
            client.reply().error(Errors.NOT_FLOAT);
            return null;
        }
        if (x < GeoHash.LONG_MIN || x > GeoHash.LONG_MAX || y < GeoHash.LAT_MIN || y > GeoHash.LAT_MAX) {
            client.reply().error("ERR invalid longitude,latitude pair " + DoubleFormat.fixed(x, 6) + ","
                    + DoubleFormat.fixed(y, 6));
            return null;
        }
        return new double[] {x, y};
    }

    /** Metres per unit, or -1 after replying the error (extractUnitOrReply). */
    private static double unit(Client client, byte[] arg) {
        if (Args.is(arg, "m")) return 1;
        if (Args.is(arg, "km")) return 1000;
        if (Args.is(arg, "ft")) return 0.3048;
        if (Args.is(arg, "mi")) return 1609.34;
        client.reply().error("ERR unsupported unit provided. please use M, KM, FT, MI");
        return -1;
    }

    private static Double number(Client client, byte[] arg, String error) {
        Double v = Scores.parse(arg);
        if (v == null) client.reply().error(error);
        return v;
    }

    /** The member's cell centre, or null when absent. */
    private static double[] memberPosition(ZSetValue z, byte[] member) {
        Double score = ZSetType.score(z, member);
        return score == null ? null : GeoHash.decodeScore(score);
    }

    // ---- reply formats

    /** addReplyDoubleDistance: {@code %.4f}, rounded from the exact binary value as printf does. */
    static String distance(double d) {
        return new BigDecimal(d).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** addReplyHumanLongDouble: {@code %.17Lf} without trailing zeros, a bulk string (RESP3: a double). */
    static void humanDouble(ReplyWriter reply, double d) {
        String s = new BigDecimal(d).setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') end--;
            if (s.charAt(end - 1) == '.') end--;
            s = s.substring(0, end);
        }
        if (s.equals("-0")) s = "0";
        if (reply.resp3()) reply.raw(("," + s + "\r\n").getBytes(StandardCharsets.US_ASCII));
        else reply.bulk(s);
    }

    // ---- commands

    /** GEOADD key [NX|XX] [CH] lon lat member ...: rewritten into ZADD, as Redis does. */
    static void geoadd(Client client, byte[][] argv) {
        int longIdx = 2;
        boolean nx = false;
        boolean xx = false;
        while (longIdx < argv.length) {
            byte[] opt = argv[longIdx];
            if (Args.is(opt, "nx")) nx = true;
            else if (Args.is(opt, "xx")) xx = true;
            else if (!Args.is(opt, "ch")) break;
            longIdx++;
        }
        if ((argv.length - longIdx) % 3 != 0 || (xx && nx)) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        int elements = (argv.length - longIdx) / 3;
        byte[][] zadd = new byte[longIdx + elements * 2][];
        zadd[0] = "zadd".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(argv, 1, zadd, 1, longIdx - 1);
        for (int i = 0; i < elements; i++) {
            int at = longIdx + i * 3;
            double[] xy = longLat(client, argv[at], argv[at + 1]);
            if (xy == null) return;
            GeoHash.Bits hash = GeoHash.encodeWgs84(xy[0], xy[1], GeoHash.STEP_MAX);
            zadd[longIdx + i * 2] = Long.toString(GeoHash.align52(hash)).getBytes(StandardCharsets.US_ASCII);
            zadd[longIdx + i * 2 + 1] = argv[at + 2];
        }
        // propagated as the ZADD it runs (geoaddCommand's replaceClientCommandVector, lowercase "zadd")
        client.server().persistence().propagateAs(client, zadd);
        CommandHandler zaddHandler = client.server().commands().find("zadd").handler();
        zaddHandler.execute(client, zadd);
    }

    static void geodist(Client client, byte[][] argv) {
        double toMeter = 1;
        if (argv.length == 5) {
            toMeter = unit(client, argv[4]);
            if (toMeter < 0) return;
        } else if (argv.length > 5) {
            client.reply().error(Errors.SYNTAX);
            return;
        }
        ZSetValue z = lookup(client, argv[1]);
        if (z == WRONG) return;
        double[] a = z == null ? null : memberPosition(z, argv[2]);
        double[] b = z == null ? null : memberPosition(z, argv[3]);
        if (a == null || b == null) {
            client.reply().nullBulk();
            return;
        }
        client.reply().bulk(distance(GeoDistance.distance(a[0], a[1], b[0], b[1]) / toMeter));
    }

    static void geohash(Client client, byte[][] argv) {
        ZSetValue z = lookup(client, argv[1]);
        if (z == WRONG) return;
        client.reply().arrayHeader(argv.length - 2);
        for (int j = 2; j < argv.length; j++) {
            Double score = z == null ? null : ZSetType.score(z, argv[j]);
            if (score == null) client.reply().nullBulk();
            else client.reply().bulk(GeoHash.toBase32(score));
        }
    }

    static void geopos(Client client, byte[][] argv) {
        ZSetValue z = lookup(client, argv[1]);
        if (z == WRONG) return;
        ReplyWriter reply = client.reply();
        reply.arrayHeader(argv.length - 2);
        for (int j = 2; j < argv.length; j++) {
            double[] xy = z == null ? null : memberPosition(z, argv[j]);
            if (xy == null) {
                reply.nullArray();
                continue;
            }
            reply.arrayHeader(2);
            humanDouble(reply, xy[0]);
            humanDouble(reply, xy[1]);
        }
    }

    /** georadiusGeneric: GEORADIUS[BYMEMBER][_RO], GEOSEARCH and GEOSEARCHSTORE. */
    static void search(Client client, byte[][] argv, int srcKeyIndex, int flags) {
        ZSetValue z = lookup(client, argv[srcKeyIndex]);
        if (z == WRONG) return;
        byte[] storeKey = null;
        boolean storeDist = false;
        int baseArgs;
        double lon = 0;
        double lat = 0;
        boolean circle = true;
        double radius = 0;
        double width = 0;
        double height = 0;
        double conversion = 1;
        if ((flags & RADIUS_COORDS) != 0) {
            baseArgs = 6;
            double[] xy = longLat(client, argv[2], argv[3]);
            if (xy == null) return;
            lon = xy[0];
            lat = xy[1];
            double[] d = radius(client, argv[4], argv[5]);
            if (d == null) return;
            radius = d[0];
            conversion = d[1];
        } else if ((flags & RADIUS_MEMBER) != 0) {
            baseArgs = 5;
            if (z != null) {
                double[] xy = memberPosition(z, argv[2]);
                if (xy == null) {
                    client.reply().error("ERR could not decode requested zset member");
                    return;
                }
                lon = xy[0];
                lat = xy[1];
                double[] d = radius(client, argv[3], argv[4]);
                if (d == null) return;
                radius = d[0];
                conversion = d[1];
            }
        } else {
            baseArgs = 2;
            if ((flags & GEOSEARCHSTORE) != 0) {
                baseArgs = 3;
                storeKey = argv[1];
            }
        }
        boolean withDist = false;
        boolean withHash = false;
        boolean withCoords = false;
        boolean fromMember = false;
        boolean fromLoc = false;
        boolean byRadius = false;
        boolean byBox = false;
        int sort = 0;
        boolean any = false;
        long count = 0;
        int remaining = argv.length - baseArgs;
        for (int i = 0; i < remaining; i++) {
            byte[] arg = argv[baseArgs + i];
            boolean geosearch = (flags & GEOSEARCH) != 0;
            boolean storeAllowed = (flags & RADIUS_NOSTORE) == 0 && !geosearch;
            if (Args.is(arg, "withdist")) {
                withDist = true;
            } else if (Args.is(arg, "withhash")) {
                withHash = true;
            } else if (Args.is(arg, "withcoord")) {
                withCoords = true;
            } else if (Args.is(arg, "any")) {
                any = true;
            } else if (Args.is(arg, "asc")) {
                sort = 1;
            } else if (Args.is(arg, "desc")) {
                sort = -1;
            } else if (Args.is(arg, "count") && i + 1 < remaining) {
                Long v = Args.parseLong(argv[baseArgs + i + 1]);
                if (v == null) {
                    client.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                if (v <= 0) {
                    client.reply().error("ERR COUNT must be > 0");
                    return;
                }
                count = v;
                i++;
            } else if (Args.is(arg, "store") && i + 1 < remaining && storeAllowed) {
                storeKey = argv[baseArgs + i + 1];
                storeDist = false;
                i++;
            } else if (Args.is(arg, "storedist") && i + 1 < remaining && storeAllowed) {
                storeKey = argv[baseArgs + i + 1];
                storeDist = true;
                i++;
            } else if (Args.is(arg, "storedist") && geosearch && (flags & GEOSEARCHSTORE) != 0) {
                storeDist = true;
            } else if (Args.is(arg, "frommember") && i + 1 < remaining && geosearch && !fromLoc) {
                if (z != null) {
                    double[] xy = memberPosition(z, argv[baseArgs + i + 1]);
                    if (xy == null) {
                        client.reply().error("ERR could not decode requested zset member");
                        return;
                    }
                    lon = xy[0];
                    lat = xy[1];
                }
                fromMember = true;
                i++;
            } else if (Args.is(arg, "fromlonlat") && i + 2 < remaining && geosearch && !fromMember) {
                double[] xy = longLat(client, argv[baseArgs + i + 1], argv[baseArgs + i + 2]);
                if (xy == null) return;
                lon = xy[0];
                lat = xy[1];
                fromLoc = true;
                i += 2;
            } else if (Args.is(arg, "byradius") && i + 2 < remaining && geosearch && !byBox) {
                double[] d = radius(client, argv[baseArgs + i + 1], argv[baseArgs + i + 2]);
                if (d == null) return;
                radius = d[0];
                conversion = d[1];
                circle = true;
                byRadius = true;
                i += 2;
            } else if (Args.is(arg, "bybox") && i + 3 < remaining && geosearch && !byRadius) {
                Double w = number(client, argv[baseArgs + i + 1], "ERR need numeric width");
                if (w == null) return;
                Double h = number(client, argv[baseArgs + i + 2], "ERR need numeric height");
                if (h == null) return;
                if (h < 0 || w < 0) {
                    client.reply().error("ERR height or width cannot be negative");
                    return;
                }
                double u = unit(client, argv[baseArgs + i + 3]);
                if (u < 0) return;
                width = w;
                height = h;
                conversion = u;
                circle = false;
                byBox = true;
                i += 3;
            } else {
                client.reply().error(Errors.SYNTAX);
                return;
            }
        }
        String name = new String(argv[0], StandardCharsets.UTF_8);
        if (storeKey != null && (withDist || withHash || withCoords)) {
            client.reply().error("ERR " + ((flags & GEOSEARCHSTORE) != 0 ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
            return;
        }
        if ((flags & GEOSEARCH) != 0 && !(fromMember || fromLoc)) {
            client.reply().error("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + name);
            return;
        }
        if ((flags & GEOSEARCH) != 0 && !(byRadius || byBox)) {
            client.reply().error("ERR exactly one of BYRADIUS and BYBOX can be specified for " + name);
            return;
        }
        if (any && count == 0) {
            client.reply().error("ERR the ANY argument requires COUNT argument");
            return;
        }
        if (z == null) {
            if (storeKey != null) {
                if (client.db().delete(storeKey)) notify(client, KeyspaceEvents.GENERIC, "del", storeKey);
                client.reply().integer(0);
            } else {
                client.reply().emptyArray();
            }
            return;
        }
        if (count != 0 && sort == 0 && !any) sort = 1;
        GeoShape shape = new GeoShape(circle, lon, lat, radius, width, height, conversion);
        List<GeoSearch.Point> points = GeoSearch.search(z, shape, any ? count : 0);
        if (points.isEmpty() && storeKey == null) {
            client.reply().emptyArray();
            return;
        }
        if (sort != 0) {
            Comparator<GeoSearch.Point> byDistance = Comparator.comparingDouble(GeoSearch.Point::distance);
            points.sort(sort > 0 ? byDistance : byDistance.reversed());
        }
        int returned = (int) (count == 0 || points.size() < count ? points.size() : count);
        if (storeKey == null) {
            replyPoints(client.reply(), points.subList(0, returned), conversion, withDist, withHash, withCoords);
        } else {
            store(client, storeKey, points.subList(0, returned), conversion, storeDist, flags);
        }
    }

    /** {radius, metres per unit}, or null after replying (extractDistanceOrReply). */
    private static double[] radius(Client client, byte[] value, byte[] unitArg) {
        Double d = number(client, value, "ERR need numeric radius");
        if (d == null) return null;
        if (d < 0) {
            client.reply().error("ERR radius cannot be negative");
            return null;
        }
        double u = unit(client, unitArg);
        if (u < 0) return null;
        return new double[] {d, u};
    }

    private static void replyPoints(ReplyWriter reply, List<GeoSearch.Point> points, double conversion,
                                    boolean withDist, boolean withHash, boolean withCoords) {
        int options = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoords ? 1 : 0);
        reply.arrayHeader(points.size());
        for (GeoSearch.Point p : points) {
            if (options > 0) reply.arrayHeader(options + 1);
            reply.bulk(p.member());
            if (withDist) reply.bulk(distance(p.distance() / conversion));
            if (withHash) reply.integer((long) p.score());
            if (withCoords) {
                reply.arrayHeader(2);
                humanDouble(reply, p.longitude());
                humanDouble(reply, p.latitude());
            }
        }
    }

    private static void store(Client client, byte[] storeKey, List<GeoSearch.Point> points, double conversion,
                              boolean storeDist, int flags) {
        if (points.isEmpty()) {
            if (client.db().delete(storeKey)) notify(client, KeyspaceEvents.GENERIC, "del", storeKey);
            client.reply().integer(0);
            return;
        }
        ZSetValue result = ZSetType.createSkiplist();
        for (GeoSearch.Point p : points) {
            double score = storeDist ? p.distance() / conversion : p.score();
            ZSetType.add(result, score, p.member(), 0, client.server().config());
        }
        ZSetType.convertToListpackIfNeeded(result, client.server().config());
        client.db().setKey(storeKey, result, false);
        notify(client, KeyspaceEvents.ZSET, (flags & GEOSEARCH) != 0 ? "geosearchstore" : "georadiusstore", storeKey);
        client.reply().integer(points.size());
    }

    private static void notify(Client client, int type, String event, byte[] key) {
        client.server().events().notify(type, event, key, client.db().id());
    }

}

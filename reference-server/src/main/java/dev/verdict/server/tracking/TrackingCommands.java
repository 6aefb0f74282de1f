package dev.verdict.server.tracking;

import dev.verdict.server.client.Client;
import dev.verdict.server.command.Args;
import dev.verdict.server.command.CommandFamily;
import dev.verdict.server.command.CommandTable;
import dev.verdict.server.command.Errors;
import dev.verdict.server.resp.ReplyWriter;
import dev.verdict.server.type.string.Numbers;

import java.util.ArrayList;
import java.util.List;

/** CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO, with Redis 7.0's checks in Redis's order. */
public final class TrackingCommands implements CommandFamily {

    @Override
    public void register(CommandTable table) {
        table.bind("client|tracking", TrackingCommands::tracking);
        table.bind("client|caching", TrackingCommands::caching);
        table.bind("client|getredir", (c, argv) -> c.reply().integer(c.tracking() == null ? -1 : c.tracking().redirect()));
        table.bind("client|trackinginfo", TrackingCommands::trackingInfo);
    }

    private static void tracking(Client c, byte[][] argv) {
        long redirect = 0;
        boolean bcast = false;
        boolean optin = false;
        boolean optout = false;
        boolean noloop = false;
        List<byte[]> prefixes = new ArrayList<>();
        for (int j = 3; j < argv.length; j++) {
            boolean moreArgs = argv.length - 1 - j > 0;
            if (Args.is(argv[j], "redirect") && moreArgs) {
                j++;
                if (redirect != 0) {
                    c.reply().error("ERR A client can only redirect to a single other client");
                    return;
                }
                Long id = Numbers.parseLongStrict(argv[j]);
                if (id == null) {
                    c.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                // the client must exist now, even if it may go away later
                if (c.server().clients().get(id) == null) {
                    c.reply().error("ERR The client ID you want redirect to does not exist");
                    return;
                }
                redirect = id;
            } else if (Args.is(argv[j], "bcast")) {
                bcast = true;
            } else if (Args.is(argv[j], "optin")) {
                optin = true;
            } else if (Args.is(argv[j], "optout")) {
                optout = true;
            } else if (Args.is(argv[j], "noloop")) {
                noloop = true;
            } else if (Args.is(argv[j], "prefix") && moreArgs) {
                prefixes.add(argv[++j]);
            } else {
                c.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Tracking tracking = c.server().tracking();
        if (Args.is(argv[2], "on")) {
            if (!bcast && !prefixes.isEmpty()) {
                c.reply().error("ERR PREFIX option requires BCAST mode to be enabled");
                return;
            }
            ClientTracking current = c.tracking();
            if (current != null && current.bcast() != bcast) {
                c.reply().error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, "
                        + "and then re-enabling it with a different mode.");
                return;
            }
            if (bcast && (optin || optout)) {
                c.reply().error("ERR OPTIN and OPTOUT are not compatible with BCAST");
                return;
            }
            if (optin && optout) {
                c.reply().error("ERR You can't specify both OPTIN mode and OPTOUT mode");
                return;
            }
            if (current != null && ((optin && current.optout()) || (optout && current.optin()))) {
                c.reply().error("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, "
                        + "and then re-enabling it with a different mode.");
                return;
            }
            if (bcast) {
                Tracking.Collision collision = Tracking.prefixCollision(current, prefixes);
                if (collision != null) {
                    c.reply().error("ERR " + collision.message());
                    if (collision.stops()) return;
                }
            }
            tracking.enable(c, redirect, bcast, optin, optout, noloop, prefixes);
        } else if (Args.is(argv[2], "off")) {
            tracking.disable(c);
        } else {
            c.reply().error(Errors.SYNTAX);
            return;
        }
        c.reply().ok();
    }

    private static void caching(Client c, byte[][] argv) {
        ClientTracking t = c.tracking();
        if (t == null) {
            c.reply().error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or "
                    + "OPTOUT mode enabled");
            return;
        }
        if (Args.is(argv[2], "yes")) {
            if (!t.optin) {
                c.reply().error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
                return;
            }
        } else if (Args.is(argv[2], "no")) {
            if (!t.optout) {
                c.reply().error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
                return;
            }
        } else {
            c.reply().error(Errors.SYNTAX);
            return;
        }
        t.caching = true;
        c.reply().ok();
    }

    private static void trackingInfo(Client c, byte[][] argv) {
        ClientTracking t = c.tracking();
        List<String> flags = new ArrayList<>();
        flags.add(t != null ? "on" : "off");
        if (t != null) {
            if (t.bcast) flags.add("bcast");
            if (t.optin) {
                flags.add("optin");
                if (t.caching) flags.add("caching-yes");
            }
            if (t.optout) {
                flags.add("optout");
                if (t.caching) flags.add("caching-no");
            }
            if (t.noloop) flags.add("noloop");
            if (t.brokenRedirect) flags.add("broken_redirect");
        }
        ReplyWriter out = c.reply();
        out.mapHeader(3);
        out.bulk("flags");
        out.setHeader(flags.size());
        for (String f : flags) out.bulk(f);
        out.bulk("redirect");
        out.integer(t != null ? t.redirect : -1);
        out.bulk("prefixes");
        if (t != null && t.prefixes != null) {
            out.arrayHeader(t.prefixes.size());
            for (byte[] p : t.prefixes) out.bulk(p);
        } else {
            out.arrayHeader(0);
        }
    }
}

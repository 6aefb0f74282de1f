package dev.verdict.reports.site;

/**
 * A tiny HTML writer that escapes every text and attribute value it is given; only
 * {@link #raw(String)} passes markup through, and it is used for SVG this module generates.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Opens a tag; {@code attributes} are name, value pairs, a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    /** {@code <tag attributes>text</tag>} */
    Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html link(String href, Object text, String... attributes) {
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return element("a", text, all);
    }

    Html raw(String trustedMarkup) {
        out.append(trustedMarkup);
        return this;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters from raw replies would make the page invalid; show them as code points.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

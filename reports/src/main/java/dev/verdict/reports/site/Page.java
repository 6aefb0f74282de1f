package dev.verdict.reports.site;

import java.util.List;

/** The frame every page shares: title, one stylesheet, the navigation. */
final class Page {

    record NavItem(String file, String label) {}

    static final List<NavItem> NAV = List.of(
            new NavItem("index.html", "Overview"),
            new NavItem("matrix.html", "Compatibility matrix"),
            new NavItem("failures.html", "Failing cases"),
            new NavItem("findings.html", "Differential findings"),
            new NavItem("chaos.html", "Chaos experiments"));

    private Page() {}

    static String render(String file, String title, Html body, boolean allureLinked) {
        Html page = new Html();
        page.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head")
                .raw("<meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", title + " \u2014 Verdict")
                .open("link", "rel", "stylesheet", "href", "style.css")
                .close("head")
                .open("body").open("header").open("nav");
        page.element("span", "Verdict", "class", "brand");
        for (NavItem item : NAV) {
            page.link(item.file(), item.label(), "class", item.file().equals(file) ? "active" : null);
        }
        if (allureLinked) {
            page.link("allure/index.html", "Allure report");
        }
        page.close("nav").close("header")
                .open("main").element("h1", title).raw(body.toString()).close("main")
                .close("body").close("html");
        return page.toString();
    }
}

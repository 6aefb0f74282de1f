package dev.verdict.reports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verdict.reports.Samples;
import dev.verdict.reports.ReportRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site as a person sees it: built by ReportMain from the sample results (Allure report and
 * screenshot included), served on loopback, loaded in Debian's headless chromium.
 */
class SiteInBrowserTest {

    private static final Path SITE = Path.of("target", "browser-test-site").toAbsolutePath();
    private static HeadlessChromium chromium;

    @BeforeAll
    static void buildTheSite() throws IOException {
        chromium = HeadlessChromium.find().orElseThrow(() -> new AssertionError(
                "Debian's chromium is not installed, and this test needs a real browser: run "
                        + "`apt-get install -y chromium` (or point VERDICT_CHROMIUM at a Chromium binary)"));
        ReportRun run = ReportRun.of(Samples.results(), SITE, "--allure-results",
                Samples.allureResults().toString(), "--threshold", "0.8", "--screenshot");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("screenshot: " + SITE.resolve("screenshot.png"));
    }

    @Test
    void theOverviewShowsTheVerdictAndItsScreenshotIsSavedIntoTheSite() throws IOException {
        Path png = SITE.resolve("screenshot.png");
        assertThat(png).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // The verdict banner is green at the top of the overview.
        assertThat(countPixelsNear(image, 0x2a9d5c)).isGreaterThan(5_000);

        try (SiteServer server = SiteServer.start(SITE)) {
            String overview = chromium.dumpDom(server.uri("index.html"));
            assertThat(overview).contains("Gate: PASS").contains("class=\"bar\"").contains("href=\"allure/index.html\"");
        }
    }

    @Test
    void theMatrixRendersWithAFailingCellLinkingToItsCase() throws IOException {
        try (SiteServer server = SiteServer.start(SITE)) {
            String dom = chromium.dumpDom(server.uri("matrix.html"));

            assertThat(dom).contains("<table id=\"matrix\" class=\"matrix\">").contains("CONFIG GET")
                    .contains("reference (in-JVM)").contains("redis-7.0.15 (container)");
            assertThat(dom).containsPattern("<td class=\"fail\" title=\"failed: 0 passed, 1 failed[^\"]*\">"
                    + "<a href=\"failures.html#case-\\d+\">");
        }
    }

    @Test
    void aFindingRendersWithItsReproductionAndBothReplies() throws IOException {
        try (SiteServer server = SiteServer.start(SITE)) {
            String dom = chromium.dumpDom(server.uri("findings.html"));

            assertThat(dom).contains("<article class=\"finding accepted\" id=\"finding-1\">")
                    .contains("DEL k1\nRPUSH k1 a b\nLRANGE k1 0 0")
                    .contains("Reply of reference (in-JVM)").contains("Reply of redis-7.0.15 (container)");
        }
    }

    @Test
    void theChaosTimelineIsDrawnWithItsFaultWindowShaded() throws IOException {
        try (SiteServer server = SiteServer.start(SITE)) {
            String dom = chromium.dumpDom(server.uri("chaos.html"));
            assertThat(dom).contains("<svg class=\"timeline\"").contains("failover time");

            Path png = Files.createTempFile("verdict-chaos-", ".png");
            try {
                chromium.screenshot(server.uri("chaos.html"), png, 1100, 1000);
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(countPixelsNear(image, 0x2b7bb9)).as("throughput line pixels").isGreaterThan(300);
                // #f5a623 at a quarter opacity over white.
                assertThat(countPixelsNear(image, 0xfde9c8)).as("shaded fault window pixels").isGreaterThan(5_000);
            } finally {
                Files.deleteIfExists(png);
            }
        }
    }

    @Test
    void theAllureReportGeneratedByAllureItselfRenders() throws IOException {
        assertThat(SITE.resolve("allure/index.html")).isRegularFile();
        try (SiteServer server = SiteServer.start(SITE)) {
            assertThat(chromium.dumpDom(server.uri("allure/index.html"))).contains("Allure Report");
        }
    }

    private static int countPixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
                    count++;
                }
            }
        }
        return count;
    }
}

package io.atolint.report;

import io.atolint.analysis.Analysis;
import io.atolint.analysis.Analyzer;
import io.atolint.cli.FileSystemSourceTree;
import io.atolint.parse.Limits;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the HTML report of the three-tier demo in a real browser (headless Chromium) and checks what
 * it rendered: the DOM holds the architecture SVG with its resources, and a screenshot is not blank and
 * shows the picture's own colours (the VPC's purple, the failing ALB's red). Opt-in, because it needs
 * Chromium: {@code dev/check-html-in-browser} installs Debian's {@code chromium} when missing and runs it
 * ({@code -Datolint.browser=true}); the screenshot is kept in {@code analyzer/target/browser/}.
 */
@EnabledIfSystemProperty(named = "atolint.browser", matches = "true")
class BrowserRenderingTest {

    @Test
    void theThreeTierReportRendersInChromium() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/browser").toAbsolutePath());
        Analysis a = Analyzer.standard().analyze(List.of(new FileSystemSourceTree(Repo.path("fixtures/demo/three-tier"),
                "fixtures/demo/three-tier", Limits.defaults())), ParseOptions.defaults().withRegion("us-east-1"));
        Path html = dir.resolve("three-tier.html");
        Files.writeString(html, HtmlReport.render(a, ReportSettings.defaults()));
        Path png = dir.resolve("three-tier.png");
        Files.deleteIfExists(png);

        String dom = chromium(dir, "--dump-dom", html.toUri().toString());
        assertTrue(dom.contains("<svg") && dom.contains("class=\"architecture\""), "the DOM holds the architecture SVG");
        assertTrue(dom.contains("WebAlb") && dom.contains("AZ us-east-1a"), "with its resources and boxes");
        assertTrue(dom.contains("<table class=\"drawn\">") && dom.contains("single point of failure: shared NAT"),
                "the details of the drawn resources are in the page, not only on hover");
        String checklist = dom.substring(dom.indexOf("<section id=\"checklist\">"), dom.indexOf("<section id=\"simulation\">"));
        assertTrue(checklist.indexOf("Not met</td>") < checklist.indexOf("Needs evidence")
                && checklist.lastIndexOf("Needs evidence") < checklist.indexOf("Met</td>"), "the checklist opens with what is not met");

        chromium(dir, "--window-size=1400,1100", "--screenshot=" + png, html.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "a screenshot was written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        boolean purple = false;
        boolean red = false;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
                purple |= near(rgb, 0x8C4FFF);
                red |= near(rgb, 0xD13212);
            }
        }
        double share = nonWhite / (double) (img.getWidth() / 2 * (img.getHeight() / 2));
        assertTrue(share > 0.05, "the page is not blank: " + share);
        assertTrue(colours.size() > 50, "text and shapes give many colours, got " + colours.size());
        assertTrue(purple, "the VPC box is drawn in its purple");
        assertTrue(red, "the failing load balancer is drawn in red");
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF);
        int dg = ((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF);
        int db = (rgb & 0xFF) - (target & 0xFF);
        return dr * dr + dg * dg + db * db < 30 * 30;
    }

    private static String chromium(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String browser() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        throw new AssertionError("no Chromium found: run dev/check-html-in-browser, which installs Debian's chromium");
    }
}

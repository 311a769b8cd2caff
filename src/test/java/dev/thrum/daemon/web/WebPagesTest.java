package dev.thrum.daemon.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped page files keep to the content security policy: no inline script, no inline style,
 * no event-handler attributes, nothing loaded from elsewhere. The browser would refuse such code
 * anyway; this finds it before a person meets a page that silently does nothing.
 */
class WebPagesTest {
    static final Path WEB = Path.of("src/main/resources/web");
    static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\sstyle\\s*=|<style\\b|\\son[a-z]+\\s*=|javascript:|https?://(?!www\\.w3\\.org/2000/svg)", Pattern.CASE_INSENSITIVE);

    static List<Path> files(String ext) throws IOException {
        try (Stream<Path> s = Files.list(WEB)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void no_page_has_inline_script_or_style() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> markup = new ArrayList<>(files(".html"));
        markup.addAll(files(".svg"));
        assertTrue(markup.size() >= 3, "expected the pages and the body map in " + WEB.toAbsolutePath() + ": " + markup);
        for (Path file : markup) {
            String text = Files.readString(file);
            Matcher m = SCRIPT.matcher(text);
            while (m.find()) {
                if (!m.group(2).isBlank()) problems.add(file + ": an inline script body");
                if (!m.group(1).matches("(?s).*\\ssrc=\"/app/[a-z0-9-]+\\.js\".*")) problems.add(file + ": a script not from /app/: " + m.group());
            }
            Matcher f = FORBIDDEN.matcher(text);
            while (f.find()) problems.add(file + ": '" + f.group().trim() + "' at offset " + f.start());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void scripts_load_nothing_from_elsewhere_and_write_no_inline_styles() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(".js")) {
            // the SVG namespace is a name for createElementNS, never fetched
            String text = Files.readString(file).replace("'http://www.w3.org/2000/svg'", "SVG_NAMESPACE");
            for (String bad : List.of("http://", "https://", ".innerHTML", "eval(", "new Function", "setAttribute('style'", "document.write"))
                if (text.contains(bad)) problems.add(file + ": " + bad);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_body_map_has_a_shape_for_every_region_and_side_of_the_catalogue() throws IOException {
        String svg = Files.readString(WEB.resolve("body.svg"));
        String catalogue = Files.readString(Path.of("src/main/resources/regions.json"));
        Matcher region = Pattern.compile("\\{\"id\": \"([a-z-]+)\"[^}]*?\"sides\": (true|false)[^}]*?(\"blocked\": true)?[^}]*}").matcher(catalogue);
        int regions = 0;
        List<String> missing = new ArrayList<>();
        while (region.find()) {
            regions++;
            String id = region.group(1);
            List<String> ids = region.group(2).equals("true") ? List.of(id + "-left", id + "-right") : List.of(id);
            for (String shape : ids) {
                Matcher m = Pattern.compile("<[a-z]+ id=\"" + shape + "\" class=\"([^\"]+)\" data-region=\"" + id + "\"").matcher(svg);
                if (!m.find()) missing.add(shape);
                else if (region.group(3) != null && !m.group(1).contains("blocked")) missing.add(shape + " (not marked blocked)");
            }
        }
        assertEquals(18, regions, "the catalogue as parsed here");
        assertEquals(List.of(), missing);
    }
}

package dev.thrum.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped catalogue, read straight from the resource, for core tests. */
final class ShippedCatalogue {
    private ShippedCatalogue() {}

    static final RegionCatalogue SHIPPED = RegionCatalogueParser.parse("regions.json", resource("/regions.json"));

    static String resource(String name) {
        try (InputStream in = ShippedCatalogue.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

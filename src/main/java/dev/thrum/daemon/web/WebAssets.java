package dev.thrum.daemon.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web app's files, shipped in the jar under {@code web/}: read once, then served from memory
 * (all of them together are a few tens of kilobytes). Only plain names are looked up, so no path
 * can reach anything outside that folder.
 */
public final class WebAssets {
    /** One file: its media type and bytes. */
    public record Asset(String contentType, byte[] bytes) {}

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** The file {@code name} (for example {@code now.js}), or empty for an unknown or malformed name. */
    public Optional<Asset> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return cache.computeIfAbsent(name, WebAssets::load);
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
            if (in == null) return Optional.empty();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(ext), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web/" + name + " from the jar", e);
        }
    }
}

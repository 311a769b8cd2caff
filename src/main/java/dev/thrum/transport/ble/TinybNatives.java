package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads tinyb's two native libraries from its jar, once per JVM: {@code libtinyb.so} first, then
 * {@code libjavatinyb.so} (which links against the first by soname).
 *
 * <p>tinyb's own classes also try {@code System.loadLibrary} in their static blocks; that fails
 * harmlessly once our copies are loaded (JNI methods resolve against any library loaded by the same
 * class loader) but prints a scary line, so we initialise those classes with stderr muted.
 */
final class TinybNatives {

    private static boolean loaded;
    private static TransportException failure;

    private TinybNatives() {}

    static synchronized void load() throws TransportException {
        if (loaded) return;
        if (failure != null) throw failure;
        try {
            extractAndLoad();
            loaded = true;
        } catch (TransportException e) {
            failure = e;
            throw e;
        }
    }

    /** The folder inside the tinyb jar that holds the natives for this machine. */
    static String nativeFolder(String osName, String osArch) throws TransportException {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            throw new TransportException("Bluetooth LE needs Linux with BlueZ, but this is " + osName
                    + ". Connect the massager with a cable (--device serial:PORT) instead.");
        }
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "native/linux/x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "native/linux/x86_32";
            case "arm", "armv6", "armv6l", "armv7", "armv7l" -> "native/arm/armv6";
            default -> throw new TransportException("tinyb has no native library for the CPU '" + osArch
                    + "' (it ships x86_64, x86 and 32-bit ARM). Use a serial cable (--device serial:PORT) instead.");
        };
    }

    private static void extractAndLoad() throws TransportException {
        String folder = nativeFolder(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("thrum-tinyb-");
            Path tinyb = extract(folder + "/libtinyb.so", dir);
            Path javaTinyb = extract(folder + "/libjavatinyb.so", dir);
            System.load(tinyb.toString());
            System.load(javaTinyb.toString());
        } catch (IOException e) {
            throw new TransportException("Could not unpack tinyb's native libraries to a temporary folder: "
                    + e.getMessage() + ". Check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + ") is writable and not mounted noexec.", e);
        } catch (UnsatisfiedLinkError e) {
            throw linkError(e);
        } finally {
            deleteQuietly(dir); // once loaded, the files are no longer needed on disk
        }
        initialiseQuietly("tinyb.BluetoothObject");
        initialiseQuietly("tinyb.BluetoothManager");
    }

    private static TransportException linkError(UnsatisfiedLinkError e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("libglib") || msg.contains("libgio") || msg.contains("libgobject")) {
            return new TransportException("Bluetooth LE needs GLib, which is missing (" + msg
                    + "). Install it: apt-get install libglib2.0-0 (Debian/Ubuntu), dnf install glib2 (Fedora).", e);
        }
        return new TransportException("Could not load tinyb's native libraries: " + msg
                + ". Bluetooth LE needs Linux with glibc and GLib (apt-get install libglib2.0-0).", e);
    }

    private static Path extract(String resource, Path dir) throws IOException, TransportException {
        try (InputStream in = TinybNatives.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TransportException("The tinyb jar on the class path has no " + resource
                        + "; the build is incomplete (expected org.sputnikdev:bluetooth-manager-tinyb:1.3.3).");
            }
            Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static void initialiseQuietly(String className) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Class.forName(className, true, TinybNatives.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("tinyb class " + className + " is missing from the class path", e);
        } finally {
            System.setErr(err);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}

package dev.thrum.it;

/**
 * Run by {@link PackagedProductIT} on the class path {@code target/thrum.jar:target/test-classes},
 * so the libraries are found exactly as {@code java -jar target/thrum.jar} finds them (through the
 * jar's Class-Path): prints what the libraries' own manifests say at run time.
 */
public final class PackagedLayoutProbe {
    private PackagedLayoutProbe() {}

    public static void main(String[] args) throws Exception {
        ClassLoader loader = PackagedLayoutProbe.class.getClassLoader();
        // tinyb's BluetoothManager compares this with its native library's version.
        Package tinyb = Class.forName("tinyb.BluetoothManager", false, loader).getPackage();
        System.out.println("tinyb-specification-version=" + tinyb.getSpecificationVersion());
        // A class jackson-core keeps in META-INF/versions/: the JVM picks that copy only from a
        // jar whose manifest says Multi-Release: true.
        System.out.println("jackson-core-swar=" + loader.getResource(
                "com/fasterxml/jackson/core/io/doubleparser/FastDoubleSwar.class"));
        System.out.println("thrum-main=" + loader.getResource("dev/thrum/Main.class"));
    }
}

package dev.thrum.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ThrumCommand.class.getPackage().getImplementationVersion();
        return new String[] {"thrum " + (v == null ? "development build" : v)};
    }
}

package dev.thrum.fhir;

import dev.thrum.store.PrivateFiles;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes clients' records as one FHIR transaction Bundle file, for a clinic without a server yet:
 * the file can later be POSTed to any FHIR R4 server's base URL as it is, and the conditional creates
 * in it make loading it twice harmless. Health data: the file is created owner-only.
 */
public final class BundleExport {
    private final BundleBuilder builder;

    public BundleExport(BundleBuilder builder) {
        this.builder = builder;
    }

    /** @return how many entries were written */
    public int write(SyncSource.Contents contents, Path file) throws IOException {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (ClientRecords c : contents.clients()) builder.add(b, c);
        PrivateFiles.writeAtomically(file, FhirJson.write(b, true));
        return b.getEntry().size();
    }
}

package dev.thrum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The class-data-sharing training run walks the daemon's real paths: each call must succeed, or the archive would miss them. */
class StartupTrainingTest {

    @Test
    void everyApiCallOfTheTrainingRunSucceeds(@TempDir Path home) throws Exception {
        List<Integer> statuses = StartupTraining.run(home);
        assertEquals(List.of(200, 200, 200, 200, 201, 200, 200, 200), statuses, "the quick stop, then the API calls");
    }
}

package dev.thrum.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code thrum completion bash}, loaded into a real bash and asked what TAB would offer. */
class CompletionIT {
    @TempDir
    Path home;

    private String complete(Path script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder arr = new StringBuilder();
        for (String w : words) arr.append('\'').append(w).append("' ");
        String cmd = "source '" + script + "'; COMP_WORDS=(" + arr + "); COMP_CWORD=" + (words.length - 1)
                + "; _thrum; printf '%s\\n' \"${COMPREPLY[@]}\"";
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "-c", cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out.strip();
    }

    @Test
    void bashCompletesCommandsProgramsClientsAndDevices() throws Exception {
        ThrumProcess thrum = new ThrumProcess(home);
        assertEquals(0, thrum.run("clients", "add", "Maria Lopez").exit());
        ThrumProcess.Result made = thrum.run("completion", "bash");
        assertEquals(0, made.exit(), made.err());
        Path script = home.resolve("thrum.bash");
        Files.writeString(script, made.out());

        assertEquals("run\nreport", complete(script, "thrum r"));
        assertEquals("sciatica-relief", complete(script, "thrum run sci"));
        assertEquals("maria-lopez", complete(script, "thrum run general-warm-up --client ma"));
        assertEquals("show", complete(script, "thrum programs sh"));
        assertTrue(complete(script, "thrum run x --device sim:th").lines().toList()
                .containsAll(List.of("sim:theragun-gen4", "sim:thrum-open-serial")));
        assertEquals("--client", complete(script, "thrum log summary --cl"));
        assertEquals("--speedup", complete(script, "thrum run --sp"));
        // a client added after the script was made completes too
        assertEquals(0, thrum.run("clients", "add", "Mark Ode").exit());
        assertEquals("maria-lopez\nmark-ode", complete(script, "thrum clients remove ma"));

        ThrumProcess.Result zsh = thrum.run("completion", "zsh");
        assertTrue(zsh.out().startsWith("#compdef thrum\nautoload -U +X bashcompinit && bashcompinit\n"), zsh.out());
        assertTrue(zsh.out().endsWith(made.out()), "zsh runs the same completion through bashcompinit");
        ThrumProcess.Result fish = thrum.run("completion", "fish");
        assertEquals(2, fish.exit());
        assertTrue(fish.err().contains("use bash or zsh"), fish.err());
    }
}

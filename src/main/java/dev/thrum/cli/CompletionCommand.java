package dev.thrum.cli;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.RegionCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code thrum completion bash|zsh}: a completion script for the shell. Commands, subcommands and
 * options come from the command tree itself; program ids and device profile ids are written in
 * when the script is made (run it again after adding programs); client ids, the user's program
 * files and serial ports are looked up each time TAB is pressed, from the same directories Thrum
 * reads, so new clients complete at once. zsh runs the same script through its bash-completion
 * layer ({@code bashcompinit}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script: commands, options, program ids, client names, device specs.",
                "bash: add  source <(thrum completion bash)  to ~/.bashrc",
                "zsh:  add  source <(thrum completion zsh)   to ~/.zshrc (after compinit)"})
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash or zsh") String shell;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh"))
            throw new CommandLine.ParameterException(spec.commandLine(), "no completion for '" + shell + "'; use bash or zsh");
        ThrumDirs dirs = ThrumDirs.fromEnvironment();
        RegionCatalogue catalogue = RegionCatalogueLoader.load(dirs.config());
        TreeSet<String> programs = new TreeSet<>();
        ProgramLibraryLoader.load(catalogue, dirs.programs()).entries().forEach(e -> programs.add(e.program().id()));
        TreeSet<String> profiles = new TreeSet<>(ProfileLibraryLoader.loadDefault().profiles().keySet());
        StringBuilder b = new StringBuilder();
        if (shell.equals("zsh")) b.append("#compdef thrum\nautoload -U +X bashcompinit && bashcompinit\n");
        b.append(script(ThrumCommand.commandLine().getCommandSpec(), programs, profiles)); // the whole tree, not the one built for this call
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String script(CommandLine.Model.CommandSpec root, TreeSet<String> programs, TreeSet<String> profiles) {
        StringBuilder cases = new StringBuilder();
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            top.add(e.getKey());
            CommandLine.Model.CommandSpec cmd = e.getValue().getCommandSpec();
            cases.append("        ").append(e.getKey()).append(") subs=\"").append(String.join(" ", subs(cmd)))
                    .append("\"; opts=\"").append(options(cmd)).append("\";;\n");
        }
        String devices = "sim ble ble: serial:" + profiles.stream().map(p -> " sim:" + p).reduce("", String::concat);
        return """
                # thrum completion for bash (and zsh through bashcompinit); made by 'thrum completion'
                _thrum_clients() {
                    local dir="${XDG_CONFIG_HOME:-$HOME/.config}/thrum/clients" f
                    for f in "$dir"/*.json; do [ -e "$f" ] && f="${f##*/}" && printf '%%s\\n' "${f%%.json}"; done
                }
                _thrum_programs() {
                    local dir="${XDG_CONFIG_HOME:-$HOME/.config}/thrum/programs" f
                    printf '%%s\\n' %s
                    for f in "$dir"/*.json; do [ -e "$f" ] && f="${f##*/}" && printf '%%s\\n' "${f%%.json}"; done
                }
                _thrum_devices() {
                    local p
                    printf '%%s\\n' %s
                    for p in /dev/ttyUSB* /dev/ttyACM* /dev/rfcomm*; do [ -e "$p" ] && printf 'serial:%%s\\n' "$p"; done
                }
                _thrum() {
                    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                    local cmd="" sub="" i w subs="" opts="" words=""
                    for ((i = 1; i < COMP_CWORD; i++)); do
                        w="${COMP_WORDS[i]}"
                        case "$w" in -*) continue;; esac
                        if [ -z "$cmd" ]; then cmd="$w"; elif [ -z "$sub" ]; then sub="$w"; fi
                    done
                    case "$prev" in
                        --client) COMPREPLY=($(compgen -W "$(_thrum_clients)" -- "$cur")); return;;
                        --device) COMPREPLY=($(compgen -W "$(_thrum_devices)" -- "$cur")); return;;
                        --profile) COMPREPLY=($(compgen -W "%s" -- "$cur")); return;;
                        --log|--html|--output|--config-dir|--data-dir|--serial|--sim-record) COMPREPLY=($(compgen -f -- "$cur")); return;;
                    esac
                    case "$cmd" in
                %s        "") subs="%s"; opts="--help --version";;
                    esac
                    if [ -n "$sub" ]; then
                        case "$cmd/$sub" in
                %s        esac
                    fi
                    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
                    if [ -n "$subs" ] && [ -z "$sub" ]; then COMPREPLY=($(compgen -W "$subs" -- "$cur")); return; fi
                    case "$cmd/$sub" in
                        run/*|programs/show|programs/check) words="$(_thrum_programs)";;
                        clients/show|clients/edit|clients/remove) words="$(_thrum_clients)";;
                        profiles/show|profiles/encode|profiles/decode) words="%s";;
                        completion/*) words="bash zsh";;
                    esac
                    if [ -n "$words" ]; then COMPREPLY=($(compgen -W "$words" -- "$cur"));
                    else COMPREPLY=($(compgen -f -- "$cur")); fi
                }
                complete -F _thrum thrum
                """.formatted(String.join(" ", programs), devices, String.join(" ", profiles),
                cases.toString(),
                String.join(" ", top), subCases(root), String.join(" ", profiles));
    }

    private static String subCases(CommandLine.Model.CommandSpec root) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            for (Map.Entry<String, CommandLine> s : e.getValue().getCommandSpec().subcommands().entrySet()) {
                if (s.getKey().equals("help")) continue;
                b.append("            ").append(e.getKey()).append('/').append(s.getKey()).append(") opts=\"")
                        .append(options(s.getValue().getCommandSpec())).append("\";;\n");
            }
        }
        return b.toString();
    }

    private static List<String> subs(CommandLine.Model.CommandSpec cmd) {
        return cmd.subcommands().keySet().stream().filter(k -> !k.equals("help")).toList();
    }

    private static String options(CommandLine.Model.CommandSpec cmd) {
        TreeSet<String> names = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : cmd.options()) {
            if (o.hidden()) continue;
            for (String n : o.names()) if (n.startsWith("--")) names.add(n);
        }
        return String.join(" ", names);
    }
}

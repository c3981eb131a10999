using System.CommandLine;
using System.CommandLine.Completions;

namespace Retort.Cli;

/// <summary>
/// <c>retort completion bash|zsh|pwsh</c>: a script that makes the shell ask <c>retort __complete CWORD WORD…</c> for the
/// candidates at each Tab. System.CommandLine's own completion (<see cref="ParseResult.GetCompletions"/>, what its
/// <c>[suggest]</c> directive prints) gives the commands, options and option values; the revision arguments add the
/// project's revision ids, branch labels and the symbols head, heads and base, read from the revision files (nothing is
/// compiled, nothing connects).
/// </summary>
internal static class CompletionCommands
{
    /// <summary>The first word of a completion request; not a command, so it neither lists nor shows in help.</summary>
    public const string Request = Cli.CompletionRequest;

    public static void Add(Command root, Output output)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var completion = new Command("completion", "Write the shell completion script for commands, options and revision ids: " +
            "source <(retort completion bash) in ~/.bashrc, source <(retort completion zsh) in ~/.zshrc after compinit, " +
            "retort completion pwsh | Out-String | Invoke-Expression in $PROFILE")
        {
            shell,
        };
        completion.SetAction(result =>
        {
            output.Out.Write(Script(result.GetValue(shell)!));
            return 0;
        });
        root.Add(completion);
    }

    /// <summary>Completes revision arguments (TARGET, REV, REVS) and options (<c>--head REV</c>, <c>--depends-on REV</c>) from the project's graph.</summary>
    public static void AddRevisionSources(Command command, GlobalOptions global)
    {
        foreach (var argument in command.Arguments.Where(a => a.Name is "TARGET" or "REV" or "REVS"))
            argument.CompletionSources.Add(context => Revisions(context, global));
        foreach (var option in command.Options.Where(o => o.HelpName == "REV"))
            option.CompletionSources.Add(context => Revisions(context, global));
        foreach (var subcommand in command.Subcommands)
            AddRevisionSources(subcommand, global);
    }

    // A project that cannot be read (no retort.json yet, a broken file) has no revisions to offer; Tab must not print errors.
    private static IEnumerable<CompletionItem> Revisions(CompletionContext context, GlobalOptions global)
    {
        try
        {
            return CommandText.RevisionSymbols(CliCommands.Create(global, global.Load(context.ParseResult), TextWriter.Null)).Select(s => new CompletionItem(s));
        }
        catch (Exception e) when (e is RetortException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>
    /// The candidates for word <paramref name="cword"/> of <paramref name="words"/> (the shell's words, the program first),
    /// one per line: those that start with what is typed, in System.CommandLine's order.
    /// </summary>
    public static int Complete(Command root, Output output, string[] request)
    {
        if (request.Length < 2 || !int.TryParse(request[1], System.Globalization.CultureInfo.InvariantCulture, out var cword) || cword < 1)
            return output.Fail($"usage: retort {Request} CWORD WORD… (what the completion scripts send)", null);
        var words = request[2..];
        var typed = cword < words.Length ? words[cword] : "";
        // The words before, then what is typed of this one: completed where the line ends.
        var line = string.Concat(words.Skip(1).Take(cword - 1).Select(w => Quote(w) + " ")) + (typed.Length == 0 ? "" : Quote(typed));
        var candidates = root.Parse(line).GetCompletions(line.Length);
        foreach (var candidate in candidates.Select(c => c.InsertText ?? c.Label).Where(c => c.StartsWith(typed, StringComparison.Ordinal) && !IsWindowsAlias(c)).Distinct())
            output.Line(candidate);
        return 0;
    }

    // Help's /h, /? and -? are there for Windows habits; on a Tab they only crowd out the options.
    private static bool IsWindowsAlias(string candidate) => candidate.StartsWith('/') || candidate == "-?";

    private static string Quote(string word) =>
        word.Length == 0 ? "\"\"" : word.Any(c => char.IsWhiteSpace(c) || c == '"') ? "\"" + word.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : word;

    /// <summary>The completion script for <paramref name="shell"/>; each asks the retort it completes (the command's first word).</summary>
    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # bash completion for retort: source <(retort completion bash)
            _retort_complete() {
                local IFS=$'\n'
                COMPREPLY=($("${COMP_WORDS[0]}" __complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null))
            }
            complete -o default -F _retort_complete retort

            """,
        "zsh" => """
            #compdef retort
            # zsh completion for retort: source <(retort completion zsh), after compinit
            _retort() {
                local -a candidates
                candidates=("${(@f)$("${words[1]}" __complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
                candidates=(${candidates:#})
                if (( ${#candidates} )); then
                    compadd -- "${candidates[@]}"
                else
                    _files
                fi
            }
            if (( $+functions[compdef] )); then
                compdef _retort retort
            fi

            """,
        _ => """
            # PowerShell completion for retort: retort completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName retort -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
                $cword = if ($wordToComplete) { $words.Count - 1 } else { $words.Count }
                & $words[0] __complete $cword @words 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}

using System.CommandLine;
using System.Diagnostics;
using SkillsMatch.Cli;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Cli;

/// <summary>Every command, given a bad argument, says what is wrong in one line and exits non-zero: never a stack trace.</summary>
public sealed class CliErrorTests
{
    /// <summary>A server nothing listens on: commands that need the database fail at once.</summary>
    private const string NoServer = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3";

    private const string Missing = "/nonexistent/skillsmatch-input";

    /// <summary>One bad invocation per command, keyed by the command's path.</summary>
    private static readonly Dictionary<string, string[]> BadInvocations = new()
    {
        ["db migrate"] = ["db", "migrate", "--connection", NoServer],
        ["db status"] = ["db", "status", "--connection", NoServer],
        ["taxonomy validate"] = ["taxonomy", "validate", Missing],
        ["taxonomy import skillsmatch"] = ["taxonomy", "import", "skillsmatch", Missing],
        ["taxonomy import esco"] = ["taxonomy", "import", "esco", "{unversioned}"],
        ["taxonomy import onet"] = ["taxonomy", "import", "onet", "{unversioned}"],
        ["taxonomy list"] = ["taxonomy", "list", "--connection", NoServer],
        ["taxonomy embed"] = ["taxonomy", "embed", "esco", "--connection", NoServer],
        ["taxonomy labels"] = ["taxonomy", "labels", "esco", "fr", Missing],
        ["crosswalk build"] = ["crosswalk", "build", "--from", "esco", "--to", "skillsmatch", "--connection", NoServer],
        ["extract"] = ["extract", Missing],
        ["eval linking"] = ["eval", "linking", "--gold", Missing],
        ["eval linking-cv"] = ["eval", "linking-cv", "--fold", "skillsmatch=" + Missing, "--fold", "skillsmatch=" + Missing],
        ["eval occupations"] = ["eval", "occupations", "--gold", Missing],
        ["eval ranking"] = ["eval", "ranking", "--gold", Missing],
        ["occupations classify"] = ["occupations", "classify", "Data Analyst", "--connection", NoServer],
        ["jobs import"] = ["jobs", "import", Missing],
        ["jobs reembed"] = ["jobs", "reembed", "--connection", NoServer],
        ["credentials verify"] = ["credentials", "verify", Missing],
        ["ranker train"] = ["ranker", "train", "--connection", NoServer],
        ["issuers add"] = ["issuers", "add", "https://issuer.example", "--name", "Example", "--connection", NoServer],
        ["issuers list"] = ["issuers", "list", "--connection", NoServer],
        ["issuers show"] = ["issuers", "show", "https://issuer.example", "--connection", NoServer],
        ["issuers trust"] = ["issuers", "trust", "https://issuer.example", "--connection", NoServer],
        ["issuers distrust"] = ["issuers", "distrust", "https://issuer.example", "--connection", NoServer],
        ["issuers remove"] = ["issuers", "remove", "https://issuer.example", "--connection", NoServer],
        ["catalog import"] = ["catalog", "import", Missing],
        ["keys create"] = ["keys", "create", "--role", "emperor", "--connection", NoServer],
        ["keys list"] = ["keys", "list", "--connection", NoServer],
        ["keys revoke"] = ["keys", "revoke", "not-a-key-id"],
        ["bench credentials"] = ["bench", "credentials", "--count", "0"],
        ["bench data-integrity"] = ["bench", "data-integrity", "--count", "0"],
        ["bench assistant"] = ["bench", "assistant", "--count", "0"],
        ["bench taxonomy"] = ["bench", "taxonomy", "--connection", NoServer],
        ["bench extraction"] = ["bench", "extraction", "--connection", NoServer],
        ["bench placements"] = ["bench", "placements", "--runs", "-2"],
        ["bench plans"] = ["bench", "plans", "--runs", "-2"],
        ["bench jobs"] = ["bench", "jobs", "--connection", NoServer],
        ["bench posting-vectors"] = ["bench", "posting-vectors", "--connection", NoServer],
        ["bench halfvec"] = ["bench", "halfvec", "--queries", "0"],
        ["bench matching"] = ["bench", "matching", "--connection", NoServer],
        ["load"] = ["load", "--url", "http://example.com"],
    };

    [Fact]
    public void Every_command_has_a_bad_invocation()
    {
        static IEnumerable<string> Leaves(Command command, string path) =>
            command.Subcommands.Count == 0 ? [path.Trim()] : command.Subcommands.SelectMany(c => Leaves(c, path + " " + c.Name));
        Assert.Equal(Leaves(SkillsMatchCli.Create(), "").Order(), BadInvocations.Keys.Order());
    }

    public static TheoryData<string> Commands() => [.. BadInvocations.Keys];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_bad_argument_is_one_line_and_a_non_zero_exit(string command)
    {
        var unversioned = Directory.CreateTempSubdirectory("taxonomy-without-version-");
        try
        {
            var args = BadInvocations[command].Select(a => a.Replace("{unversioned}", unversioned.FullName, StringComparison.Ordinal)).ToArray();
            var (exit, output, errors) = await RunAsync(args);

            Assert.NotEqual(0, exit);
            Assert.NotEqual(134, exit);
            Assert.DoesNotMatch(@"(?m)^\s+at \S+", output + errors);
            Assert.DoesNotContain("Unhandled exception", output + errors, StringComparison.Ordinal);
            Assert.NotEmpty(errors.Trim());
            // A failing command says it in one line; a command line that does not parse gets the parser's message and usage.
            if (errors.StartsWith("error: ", StringComparison.Ordinal)) Assert.Single(errors.Trim().Split('\n'));
        }
        finally
        {
            unversioned.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Esco_import_without_a_version_in_the_name_or_the_files_asks_for_version()
    {
        var folder = Directory.CreateTempSubdirectory("esco-export-");
        try
        {
            var (exit, _, errors) = await RunAsync(["taxonomy", "import", "esco", folder.FullName]);

            Assert.Equal(1, exit);
            Assert.Equal($"error: cannot tell the ESCO version from '{folder.FullName}': neither its name nor its files carry one; give it with --version.",
                errors.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Esco_import_with_a_missing_labels_folder_fails_before_importing()
    {
        var (exit, _, errors) = await RunAsync(["taxonomy", "import", "esco", Fixtures.Path("esco"), "--version", "1.1.1", "--labels", "fr", Missing]);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {Missing} does not exist: give the folder (or zip) holding skills_fr.csv and occupations_fr.csv.", errors.Trim());
    }

    [Fact]
    public async Task Esco_import_with_a_labels_folder_lacking_the_files_names_the_missing_file()
    {
        var (exit, _, errors) = await RunAsync(["taxonomy", "import", "esco", Fixtures.Path("esco"), "--version", "1.1.1", "--labels", "fr", Fixtures.Path("esco")]);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: skills_fr.csv:0: ", errors.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("nothing was imported.", errors.Trim(), StringComparison.Ordinal);
    }

    /// <summary>The real program in its own process, so a crash would show as the runtime prints it.</summary>
    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "skillsmatch.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Commands without --connection must not reach for a database either.
        start.Environment["ConnectionStrings__SkillsMatch"] = NoServer;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

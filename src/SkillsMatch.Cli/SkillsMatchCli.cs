using System.CommandLine;

namespace SkillsMatch.Cli;

/// <summary>The <c>skillsmatch</c> command: one sub-command per feature.</summary>
public static class SkillsMatchCli
{
    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "PostgreSQL connection string (default: ConnectionStrings__SkillsMatch, else the embedded local cluster)",
        Recursive = true,
    };

    public static Task<int> Main(string[] args) => RunAsync(args);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("SkillsMatch: skills taxonomy, credential verification and learner-to-role matching.");
        root.Options.Add(ConnectionOption);
        root.Subcommands.Add(DatabaseCommands.Create());
        root.Subcommands.Add(TaxonomyCommands.Create());
        root.Subcommands.Add(CrosswalkCommands.Create());
        root.Subcommands.Add(ExtractCommands.Extract());
        root.Subcommands.Add(ExtractCommands.Eval());
        root.Subcommands.Add(OccupationCommands.Create());
        root.Subcommands.Add(JobCommands.Create());
        root.Subcommands.Add(CredentialCommands.Create());
        root.Subcommands.Add(RankerCommands.Create());
        root.Subcommands.Add(IssuerCommands.Create());
        root.Subcommands.Add(CatalogCommands.Create());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(BenchCommands.Create());
        root.Subcommands.Add(Load.LoadCommand.Create());
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return ex.ExitCode;
        }
    }
}

/// <summary>A failure the user can act on: printed as one line, no stack trace, non-zero exit.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

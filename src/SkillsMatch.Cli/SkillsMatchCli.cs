using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace SkillsMatch.Cli;

/// <summary>The <c>skillsmatch</c> command: one sub-command per feature.</summary>
public static class SkillsMatchCli
{
    public static readonly Option<string?> ConnectionOption = new(CommandDatabase.OptionName)
    {
        Description = "PostgreSQL connection string (default: ConnectionStrings__SkillsMatch, else the embedded local cluster)",
        Recursive = true,
    };

    public static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>
    /// Runs a command. Every failure ends as one line on standard error and a non-zero exit, never a stack trace:
    /// <see cref="CliException"/> with its own exit code, anything else with exit code 1 (130 when cancelled).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("error: cancelled");
            return 130;
        }
#pragma warning disable CA1031 // The command line's contract: whatever went wrong is reported as one line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync("error: " + OneLine(ex));
            return 1;
        }
    }

    /// <summary>The product's services (<see cref="SkillsMatchServices.AddSkillsMatch"/>) on this command line's database.</summary>
    public static Task<IHost> HostAsync(ParseResult parse, CancellationToken ct, IReadOnlyDictionary<string, string?>? defaults = null) =>
        CommandHost.StartAsync(parse.GetValue(ConnectionOption), ct, defaults);

    public static RootCommand Create()
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
        root.Subcommands.Add(Bench.BenchCommands.Create());
        root.Subcommands.Add(Bench.Load.LoadCommand.Create());
        return root;
    }

    /// <summary>The message's first line, the innermost exception's when the outer one only wraps it.</summary>
    private static string OneLine(Exception ex)
    {
        while (ex is AggregateException or System.Reflection.TargetInvocationException or TypeInitializationException && ex.InnerException is not null)
            ex = ex.InnerException!;
        var message = ex.Message.Split('\n', 2)[0].Trim();
        return message.Length > 0 ? message : ex.GetType().Name;
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Jobs;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch jobs import FILE</c>: JSON Lines or CSV postings through the full pipeline.</summary>
public static class JobCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines (one schema.org JobPosting per line) or .csv (columns: see README)" };
        var demo = new Option<bool>("--demo") { Description = "Mark the postings as demo data" };
        var working = new Option<string>("--working-taxonomy") { Description = "Taxonomy skills and occupations are stored in", DefaultValueFactory = _ => WorkingTaxonomy.DefaultReference };
        var import = new Command("import", "Import postings: per-row errors by line, good rows kept, the same identifier updated.") { file, demo, working };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist.");
            using var host = await CommandHost.ForJobImportAsync(parse.GetValue(SkillsMatchCli.ConnectionOption), parse.GetValue(working)!, ct);
            var started = DateTime.UtcNow;
            var result = await TaxonomyCommands.WithProgressAsync(progress => host.Services.GetRequiredService<JobImport>().RunAsync(path.FullName, parse.GetValue(demo), progress, ct));
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync($"{path.Name}: {error}");
            Console.WriteLine($"{result.Read} records: {result.Created} created, {result.Updated} updated, {result.Errors.Count} rejected " +
                              $"({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
            return result.Errors.Count == 0 ? 0 : 2;
        });
        var jobs = new Command("jobs", "Job postings.");
        jobs.Subcommands.Add(import);
        return jobs;
    }
}

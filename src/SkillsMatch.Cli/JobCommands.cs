using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Jobs;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch jobs import FILE</c>: JSON Lines or CSV postings through the full pipeline, resumable.</summary>
public static class JobCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines (one schema.org JobPosting per line) or .csv (columns: see README)" };
        var demo = new Option<bool>("--demo") { Description = "Mark the postings as demo data" };
        var working = new Option<string>("--working-taxonomy") { Description = "Taxonomy skills and occupations are stored in", DefaultValueFactory = _ => WorkingTaxonomy.DefaultReference };
        var restart = new Option<bool>("--restart") { Description = "Import from the first line even if this file (by its SHA-256) was imported, in part or whole, before" };
        var errorsFile = new Option<FileInfo?>("--errors") { Description = "Write rejected records (line: reasons) to this file as they are found, instead of to stderr at the end" };
        var workers = new Option<int>("--workers") { Description = "Postings processed at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var import = new Command("import", "Import postings: resumable (a checkpoint per file), per-row errors by line, good rows kept, the same identifier updated.")
            { file, demo, working, restart, errorsFile, workers };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName} does not exist.");
            if (parse.GetValue(workers) is < 1 or > 64) throw new CliException("--workers must be between 1 and 64");
            using var host = await CommandHost.ForJobImportAsync(parse.GetValue(SkillsMatchCli.ConnectionOption), parse.GetValue(working)!, ct);
            var started = DateTime.UtcNow;
            await using var errors = parse.GetValue(errorsFile) is { } target ? new StreamWriter(target.FullName) { AutoFlush = true } : null;
            var options = new JobImportOptions
            {
                IsDemo = parse.GetValue(demo), Resume = !parse.GetValue(restart), Workers = parse.GetValue(workers),
                OnRejected = errors is null ? null : e => errors.WriteLine(e.ToString()),
            };
            JobImportResult result;
            try
            {
                result = await ImportProgressDisplay.RunAsync("Importing postings",
                    progress => host.Services.GetRequiredService<JobImport>().RunAsync(path.FullName, options with { Progress = progress }, ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("interrupted: the postings stored so far are kept; the same command resumes after the last stored batch");
                throw;
            }
            if (errors is null)
                foreach (var error in result.Errors) await Console.Error.WriteLineAsync($"{path.Name}: {error}");
            var resumed = result.ResumedAfterLine > 0 ? $"resumed after line {result.ResumedAfterLine} (--restart imports from line 1); " : "";
            Console.WriteLine($"{resumed}{result.Read} records: {result.Created} created, {result.Updated} updated, {result.Errors.Count} rejected " +
                              $"({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
            return result.Errors.Count == 0 ? 0 : 2;
        });
        var reembed = new Command("reembed", "Recompute every stored posting vector made with another model than the configured posting model (after migration 0023: full precision → int8).")
            { working };
        reembed.SetAction(async (parse, ct) =>
        {
            using var host = await CommandHost.ForJobImportAsync(parse.GetValue(SkillsMatchCli.ConnectionOption), parse.GetValue(working)!, ct);
            var refresh = host.Services.GetRequiredService<PostingVectorRefresh>();
            var started = DateTime.UtcNow;
            var done = await ImportProgressDisplay.RunAsync("Re-embedding postings", progress => refresh.RunAsync(progress, ct));
            Console.WriteLine($"{done} posting vectors recomputed with {host.Services.GetRequiredService<JobPipeline>().PostingVectorModel} " +
                              $"({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
            return 0;
        });
        var jobs = new Command("jobs", "Job postings.");
        jobs.Subcommands.Add(import);
        jobs.Subcommands.Add(reembed);
        return jobs;
    }
}

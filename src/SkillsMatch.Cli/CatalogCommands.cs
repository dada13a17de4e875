using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillsMatch.Catalog;
using SkillsMatch.Extraction;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch catalog import FILE</c>.</summary>
public static class CatalogCommands
{
    /// <summary>Exit code when some rows were rejected and the good ones imported.</summary>
    public const int SomeRowsRejected = 2;

    public static Command Create()
    {
        var catalog = new Command("catalog", "The microcredential catalog.");
        catalog.Subcommands.Add(Import());
        return catalog;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines (.jsonl, one offering object a line) or CSV (.csv, with a header row)" };
        var taxonomy = new Option<string>("--taxonomy") { Description = "The working taxonomy skills are stored in (key, key@version or id)", DefaultValueFactory = _ => WorkingTaxonomy.DefaultReference };
        var lexicalOnly = new Option<bool>("--lexical-only") { Description = "Extract skills of offerings without alignments by label matching only (no embeddings)" };
        var command = new Command("import", "Import catalog offerings: bad rows are reported by line and skipped; an existing external id is updated.")
        {
            file, taxonomy, lexicalOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists) throw new CliException($"{source.FullName} does not exist.");
            using var host = await CommandHost.StartAsync(parse.GetValue(SkillsMatchCli.ConnectionOption), ct, CommandHost.AllCores,
                new Dictionary<string, string?> { ["Taxonomy:Working"] = parse.GetValue(taxonomy) });
            var services = host.Services;
            services.GetRequiredService<Migrator>().Migrate(services.GetRequiredService<DatabaseConnection>().ConnectionString);
            var import = parse.GetValue(lexicalOnly)
                ? new CatalogImport(new CatalogChecks(services.GetRequiredService<TaxonomyStore>(), services.GetRequiredService<WorkingTaxonomy>(),
                    new SkillExtractor(services.GetRequiredService<ExtractionModels>())), services.GetRequiredService<CatalogStore>())
                : services.GetRequiredService<CatalogImport>();
            var started = DateTime.UtcNow;
            CatalogImportResult result;
            try
            {
                result = await TaxonomyCommands.WithProgressAsync(progress => import.RunAsync(source.FullName, progress, ct));
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message + " — nothing was imported.");
            }
            catch (NpgsqlException ex)
            {
                throw new CliException("the database failed during the import (" + ex.Message + ") — the transaction was rolled back, nothing was imported.");
            }
            foreach (var error in result.Errors) Console.Error.WriteLine($"{source.Name}:{error.Line}: {error.Message}");
            Console.WriteLine($"imported {result.Inserted + result.Updated} of {result.Rows} rows in {(DateTime.UtcNow - started).TotalSeconds:F1} s: " +
                              $"{result.Inserted} new, {result.Updated} updated, {result.Errors.Count} rejected");
            return result.Errors.Count == 0 ? 0 : SomeRowsRejected;
        });
        return command;
    }
}

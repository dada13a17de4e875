using System.CommandLine;
using Npgsql;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Jobs;
using SkillsMatch.Occupations;
using SkillsMatch.Storage;
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
            await using var session = await JobSession.OpenAsync(await DatabaseCommands.ResolveConnectionStringAsync(parse, ct), parse.GetValue(working)!, ct);
            var started = DateTime.UtcNow;
            var result = await TaxonomyCommands.WithProgressAsync(progress => session.Import.RunAsync(path.FullName, parse.GetValue(demo), progress, ct));
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

/// <summary>Everything an import needs, built once for a database and disposed together.</summary>
public sealed class JobSession : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ExtractionModels models;
    private readonly MiniLmEmbeddingGenerator model;
    private readonly MiniLmEmbeddingGenerator? extractionModel;
    private readonly OccupationClassifier classifier;

    private JobSession(NpgsqlDataSource dataSource, ExtractionModels models, MiniLmEmbeddingGenerator model, MiniLmEmbeddingGenerator? extractionModel,
        OccupationClassifier classifier, JobImport import)
    {
        this.dataSource = dataSource;
        this.models = models;
        this.model = model;
        this.extractionModel = extractionModel;
        this.classifier = classifier;
        Import = import;
    }

    public JobImport Import { get; }

    public static async Task<JobSession> OpenAsync(string connectionString, string workingReference, CancellationToken ct)
    {
        var dataSource = Database.CreateDataSource(connectionString);
        var store = new TaxonomyStore(dataSource);
        if (await store.ResolveTaxonomyAsync(workingReference, ct) is null) throw new CliException($"the working taxonomy '{workingReference}' is not loaded; import it first");
        var models = new ExtractionModels(new ExtractionStore(dataSource), store);
        // One ONNX thread per call: the pipeline already runs one posting per core. Stored vectors come from the
        // full model; extraction's phrases from the quantized one where this CPU runs it, as in the API.
        var options = new EmbeddingOptions { IntraOpThreads = 1 };
        var model = new MiniLmEmbeddingGenerator(options);
        var extractionModel = EmbeddingPrecision.Quantized.OnThisCpu() == EmbeddingPrecision.Quantized
            ? new MiniLmEmbeddingGenerator(options, EmbeddingPrecision.Quantized)
            : null;
        var cached = new EmbeddingCache(model, 20_000);
        var classifier = new OccupationClassifier(store, cached);
        var extractor = new SkillExtractor(models, extractionModel is null ? cached : new EmbeddingCache(extractionModel, 20_000));
        var pipeline = new JobPipeline(extractor, classifier, new WorkingTaxonomy(store, workingReference), cached);
        return new JobSession(dataSource, models, model, extractionModel, classifier, new JobImport(pipeline, new JobPostingWriter(dataSource)));
    }

    public async ValueTask DisposeAsync()
    {
        classifier.Dispose();
        models.Dispose();
        model.Dispose();
        extractionModel?.Dispose();
        await dataSource.DisposeAsync();
    }
}

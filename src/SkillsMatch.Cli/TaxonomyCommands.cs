using System.CommandLine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SkillsMatch.Embeddings;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using Spectre.Console;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch taxonomy validate|import|list</c>.</summary>
public static class TaxonomyCommands
{
    public static Command Create()
    {
        var taxonomy = new Command("taxonomy", "Skills taxonomies: validate, import, list.");
        taxonomy.Subcommands.Add(Validate());
        taxonomy.Subcommands.Add(Import());
        taxonomy.Subcommands.Add(List());
        taxonomy.Subcommands.Add(Embed());
        taxonomy.Subcommands.Add(Labels());
        return taxonomy;
    }

    private static Command Validate()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "A SkillsMatch taxonomy folder, e.g. data/taxonomies/skillsmatch" };
        var command = new Command("validate", "Check a SkillsMatch-format taxonomy; every problem is printed with file, line and reason.") { dir };
        command.SetAction(parse =>
        {
            var result = OwnTaxonomyReader.Read(parse.GetValue(dir)!.FullName);
            foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
            if (result.Import is null) throw new CliException($"{result.Problems.Count} problem(s) found; the taxonomy is not valid.");
            var i = result.Import;
            Console.WriteLine($"valid: {i.Info.Name} {i.Info.Version}: {i.Skills.Count} skills, {i.Occupations.Count} occupations, " +
                              $"{i.OccupationSkills.Count} occupation–skill links, {i.SkillRelations.Count} skill relations, {i.Groups.Count} groups");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var import = new Command("import", "Import a taxonomy into the database (one transaction; a re-import updates in place).");
        var ownDir = new Argument<DirectoryInfo>("dir") { Description = "A SkillsMatch taxonomy folder" };
        var own = new Command("skillsmatch", "Import a SkillsMatch-format taxonomy folder.") { ownDir, NoEmbedOption };
        own.SetAction(async (parse, ct) => await ImportAsync(parse, _ =>
        {
            var result = OwnTaxonomyReader.Read(parse.GetValue(ownDir)!.FullName);
            foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
            return Task.FromResult(result.Import ?? throw new CliException($"{result.Problems.Count} problem(s) found; nothing was imported."));
        }, ct));
        import.Subcommands.Add(own);
        import.Subcommands.Add(Published("esco", "Import ESCO v1.x CSVs (a folder, a zip, or a folder holding the official zips).",
            "ESCO", EscoImporter.VersionFromName, EscoImporter.ReadAsync, LabelsOption));
        import.Subcommands.Add(Published("onet", "Import the O*NET database's tab-separated text files (a db_XX_X_text folder).",
            "O*NET", OnetImporter.VersionFromName, OnetImporter.ReadAsync));
        return import;
    }

    private static Command Published(string name, string description, string title, Func<string, string?> versionOf,
        Func<string, string, IProgress<ImportProgress>?, CancellationToken, Task<TaxonomyImport>> read, Option<string[]>? labels = null)
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "Folder or zip as published" };
        var version = new Option<string?>("--version") { Description = "Version to record when the folder or zip name does not carry it" };
        var command = new Command(name, description) { path, version, NoEmbedOption };
        if (labels is not null) command.Options.Add(labels);
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(path)!;
            if (!source.Exists) throw new CliException($"{source.FullName} does not exist.");
            var taxonomyVersion = parse.GetValue(version) ?? versionOf(source.FullName)
                ?? throw new CliException($"cannot tell the {title} version from '{source.FullName}': neither its name nor its files carry one; give it with --version.");
            // Read before the long import, so a wrong folder fails at once.
            var translations = labels is null ? null : await ReadTranslationsAsync(parse.GetValue(labels), ct);
            return await ImportAsync(parse, async progress =>
            {
                var import = await read(source.FullName, taxonomyVersion, progress, ct);
                if (translations is not null) import.Translations.Add(translations);
                return import;
            }, ct);
        });
        return command;
    }

    private static readonly Option<string[]> LabelsOption = new("--labels")
    {
        Description = "LANG DIR: also store ESCO's labels in that language from skills_LANG.csv and occupations_LANG.csv in DIR (joined by concept URI)",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    private static async Task<TranslationSet?> ReadTranslationsAsync(string[]? labels, CancellationToken ct)
    {
        if (labels is null || labels.Length == 0) return null;
        if (labels.Length != 2) throw new CliException("--labels takes a language and a folder, e.g. --labels fr ../shared/data/esco-fr");
        var (language, dir) = (labels[0], labels[1]);
        if (!Directory.Exists(dir) && !File.Exists(dir)) throw new CliException($"{Path.GetFullPath(dir)} does not exist: give the folder (or zip) holding skills_{language}.csv and occupations_{language}.csv.");
        try
        {
            return await EscoTranslations.ReadAsync(dir, language, ct);
        }
        catch (TaxonomyFormatException ex)
        {
            throw new CliException(ex.Message + " — nothing was imported.");
        }
    }

    /// <summary><c>taxonomy labels esco fr DIR</c>: the labels alone, for an ESCO already imported.</summary>
    private static Command Labels()
    {
        var reference = new Argument<string>("taxonomy") { Description = "key, key@version or id of an imported ESCO" };
        var language = new Argument<string>("lang") { Description = "two-letter language code, e.g. fr" };
        var dir = new Argument<string>("dir") { Description = "folder or zip with skills_LANG.csv and occupations_LANG.csv" };
        var command = new Command("labels", "Store ESCO labels in another language for an imported ESCO, joined by concept URI; replaces that language's labels.")
            { reference, language, dir };
        command.SetAction(async (parse, ct) =>
        {
            var translations = (await ReadTranslationsAsync([parse.GetValue(language)!, parse.GetValue(dir)!], ct))!;
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            host.Services.GetRequiredService<Migrator>().Migrate(host.ConnectionString());
            var id = await host.Services.GetRequiredService<TaxonomyStore>().ResolveTaxonomyAsync(parse.GetValue(reference)!, ct)
                ?? throw new CliException($"unknown taxonomy '{parse.GetValue(reference)}'");
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var written = await TranslationWriter.WriteAsync(conn, tx, id, translations, ct);
            await tx.CommitAsync(ct);
            PrintTranslations(written, translations);
            return 0;
        });
        return command;
    }

    private static void PrintTranslations(TranslationWriteResult w, TranslationSet set) =>
        Console.WriteLine($"{set.Language} labels: {w.Skills} of {w.TaxonomySkills} skills and {w.Occupations} of {w.TaxonomyOccupations} occupations " +
                          $"have one; {w.UnjoinedSkills} skill and {w.UnjoinedOccupations} occupation ids (URIs) of the {set.Skills.Count} + {set.Occupations.Count} " +
                          "in the files are not in this taxonomy");

    public static readonly Option<bool> NoEmbedOption = new("--no-embed") { Description = "Store the taxonomy without computing skill and occupation vectors" };

    private static Command Embed()
    {
        var reference = new Argument<string>("taxonomy") { Description = "key, key@version or id" };
        var command = new Command("embed", "Compute the vectors of skills and occupations whose text changed (or that have none).") { reference };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct, CommandHost.AllCoresBatch);
            var id = await host.Services.GetRequiredService<TaxonomyStore>().ResolveTaxonomyAsync(parse.GetValue(reference)!, ct)
                ?? throw new CliException($"unknown taxonomy '{parse.GetValue(reference)}'");
            var started = DateTime.UtcNow;
            var result = await WithProgressAsync(progress => EmbedAsync(host, id, progress, ct));
            Console.WriteLine($"embedded {result.Skills} skills and {result.Occupations} occupations in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    /// <summary>The vectors of a taxonomy, with the host's configured generator (Embeddings:*).</summary>
    public static async Task<TaxonomyEmbedResult> EmbedAsync(IHost host, int taxonomyId, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        var embedder = new TaxonomyEmbedder(host.Services.GetRequiredService<NpgsqlDataSource>(),
            host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        try
        {
            return await embedder.EmbedAsync(taxonomyId, progress, ct);
        }
        catch (EmbeddingModelMismatchException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>Runs work under a progress display with one bar per reported stage.</summary>
    public static async Task<T> WithProgressAsync<T>(Func<IProgress<ImportProgress>, Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Progress().AutoClear(false).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<ImportProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                        tasks[p.Stage] = task = context.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total ?? 1));
                    if (p.Total is { } total) task.MaxValue = Math.Max(1, total);
                    task.Value = p.Total is null ? task.MaxValue : p.Done;
                });
                result = await work(progress);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reads with a progress bar, stores in one transaction, prints what the database now holds.</summary>
    public static async Task<int> ImportAsync(ParseResult parse, Func<IProgress<ImportProgress>, Task<TaxonomyImport>> read, CancellationToken ct)
    {
        using var host = await SkillsMatchCli.HostAsync(parse, ct, CommandHost.AllCoresBatch);
        host.Services.GetRequiredService<Migrator>().Migrate(host.ConnectionString());
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var started = DateTime.UtcNow;
        var noEmbed = parse.GetValue(NoEmbedOption);
        IReadOnlyList<(TranslationSet Set, TranslationWriteResult Written)> translations = [];
        try
        {
            var (w, embedded) = await WithProgressAsync(async progress =>
            {
                var import = await read(progress);
                var writer = new TaxonomyWriter(dataSource);
                var written = await writer.WriteAsync(import, progress, ct);
                translations = writer.Translations;
                var embedded = noEmbed ? null : await EmbedAsync(host, written.TaxonomyId, progress, ct);
                return (written, embedded);
            });
            Console.WriteLine($"imported in {(DateTime.UtcNow - started).TotalSeconds:F1} s (taxonomy id {w.TaxonomyId}): {w.Skills} skills, " +
                              $"{w.Occupations} occupations, {w.OccupationSkills} occupation–skill links, {w.SkillRelations} skill relations, {w.Groups} groups" +
                              (embedded is null ? "; vectors not computed (--no-embed)" : $"; {embedded.Skills + embedded.Occupations} vectors computed"));
            foreach (var (set, translated) in translations) PrintTranslations(translated, set);
            return 0;
        }
        catch (TaxonomyFormatException ex)
        {
            throw new CliException(ex.Message + " — nothing was imported.");
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message + " — nothing was imported.");
        }
        catch (NpgsqlException ex)
        {
            throw new CliException("the database failed during the import (" + ex.Message + ") — the transaction was rolled back, nothing was imported.");
        }
    }

    private static Command List()
    {
        var command = new Command("list", "List the taxonomies in the database.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var table = new Table().AddColumns("id", "taxonomy", "name", "skills", "occupations", "embedded", "licence", "imported");
            foreach (var t in await host.Services.GetRequiredService<TaxonomyStore>().ListTaxonomiesAsync(ct))
                table.AddRow($"{t.Id}", Markup.Escape($"{t.Key}@{t.Version}"), Markup.Escape(t.Name), $"{t.Skills}", $"{t.Occupations}",
                    $"{t.EmbeddedSkills}", Markup.Escape(t.Licence), $"{t.ImportedAt:yyyy-MM-dd HH:mm}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}

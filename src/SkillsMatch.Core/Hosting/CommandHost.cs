using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Hosting;

/// <summary>
/// The services of <see cref="SkillsMatchServices.AddSkillsMatch"/> for one command of the CLI (or its bench and load
/// commands), over the same configuration as the API (appsettings.json, environment variables such as Embeddings__*).
/// Only the database is started (the embedded cluster when no connection string is configured): no migrations, no
/// hosted services; the command does its own work.
/// </summary>
public static class CommandHost
{
    /// <param name="connection">The command's --connection, when given: it wins over ConnectionStrings__SkillsMatch.</param>
    /// <param name="defaults">The command's own defaults (e.g. more ONNX threads for a batch); configuration overrides them.</param>
    /// <param name="settings">Values the command's arguments fix (e.g. Taxonomy:Working); they override configuration.</param>
    public static async Task<IHost> StartAsync(string? connection, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? defaults = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationManager();
        // A command reads appsettings.json once; no file watcher for a process that lives seconds.
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["hostBuilder:reloadConfigOnChange"] = "false" });
        if (defaults is not null) configuration.AddInMemoryCollection(defaults);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = configuration, Args = [] });
        var fixedSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (connection is not null) fixedSettings["ConnectionStrings:" + DatabaseOptions.ConnectionStringName] = connection;
        builder.Configuration.AddInMemoryCollection(fixedSettings);
        // A command's output is its own: warnings and errors only, whatever an appsettings.json in the folder says for the API.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Warning);
        builder.AddSkillsMatch();
        var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<DatabaseConnection>().EnsureAsync(ct);
            return host;
        }
        catch (InvalidOperationException ex)
        {
            host.Dispose();
            throw new CliException(ex.Message);
        }
    }

    /// <summary>All cores for ONNX: a command is the only work on the machine, unlike a server answering requests.</summary>
    public static readonly IReadOnlyDictionary<string, string?> AllCores = new Dictionary<string, string?>
    {
        ["Embeddings:IntraOpThreads"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>All cores and batches of 64 for ONNX: a command that embeds a whole taxonomy, as its own work.</summary>
    public static readonly IReadOnlyDictionary<string, string?> AllCoresBatch = new Dictionary<string, string?>(AllCores)
    {
        ["Embeddings:BatchSize"] = "64",
    };

    /// <summary>The connection string the host's data source uses (the embedded cluster's when none is configured).</summary>
    public static string ConnectionString(this IHost host) => host.Services.GetRequiredService<DatabaseConnection>().ConnectionString;

    /// <summary>
    /// The services an import needs, with the working taxonomy checked. One ONNX thread per call: the pipeline already
    /// runs one worker per core. Extraction's phrases and the posting vectors come from the quantized model where this
    /// CPU runs it, as in the API.
    /// </summary>
    /// <param name="vectorCache">Phrase vectors kept in memory (0: none, every phrase embedded, as for wholly new text).</param>
    public static async Task<IHost> ForJobImportAsync(string? connection, string workingReference, CancellationToken ct, int vectorCache = 20_000)
    {
        var host = await StartAsync(connection, ct,
            defaults: new Dictionary<string, string?> { ["Embeddings:IntraOpThreads"] = "1", ["Embeddings:CacheCapacity"] = vectorCache.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            settings: new Dictionary<string, string?> { ["Taxonomy:Working"] = workingReference });
        if (await host.Services.GetRequiredService<TaxonomyStore>().ResolveTaxonomyAsync(workingReference, ct) is null)
        {
            host.Dispose();
            throw new CliException($"the working taxonomy '{workingReference}' is not loaded; import it first");
        }
        return host;
    }
}

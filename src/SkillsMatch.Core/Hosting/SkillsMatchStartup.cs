using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Hosting;

/// <summary>
/// Before the host takes requests: start the embedded cluster when no connection string is configured, apply pending
/// migrations (Database:MigrateOnStart) and load the shipped taxonomy on first start (Taxonomy:SeedOnStart, path
/// Taxonomy:DefaultPath), then build the skill search's label index. Registered first, so it runs before every other
/// hosted service (the demo data, the key bootstrap, the background jobs).
/// </summary>
internal sealed class SkillsMatchStartup(IServiceProvider services, IOptions<DatabaseOptions> database, IOptions<TaxonomyOptions> taxonomy)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = await services.GetRequiredService<DatabaseConnection>().EnsureAsync(cancellationToken);
        if (database.Value.MigrateOnStart)
        {
            var migrator = services.GetRequiredService<Migrator>();
            await Task.Run(() => migrator.Migrate(connectionString), cancellationToken);
        }
        if (taxonomy.Value.SeedOnStart)
        {
            await services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(taxonomy.Value.DefaultPath, cancellationToken);
            // Build the in-memory label index now, not on the first person's keystroke.
            await services.GetRequiredService<SkillSearch>().IndexAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SkillsMatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> (pgvector on), the migrator and the database health check.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => Database.CreateDataSource(connectionString));
        services.AddSingleton<Migrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}

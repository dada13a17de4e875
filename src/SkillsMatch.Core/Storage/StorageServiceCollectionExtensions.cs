using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector.Npgsql;

namespace SkillsMatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="NpgsqlDataSource"/> (pgvector on) on the configured database (ConnectionStrings:SkillsMatch,
    /// options in section Database), or on the embedded cluster when none is configured: its connection string is known
    /// once <see cref="DatabaseConnection.EnsureAsync"/> has run (SkillsMatchStartup, or a CLI command before its work).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database")
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<DatabaseConnection>();
        return services.AddStorage("", (provider, dataSource) =>
            dataSource.ConnectionStringBuilder.ConnectionString = provider.GetRequiredService<DatabaseConnection>().ConnectionString);
    }

    /// <summary>Registers the one <see cref="NpgsqlDataSource"/> (pgvector on), the migrator and the database health check.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, string connectionString) =>
        services.AddStorage(connectionString, (_, _) => { });

    private static IServiceCollection AddStorage(
        this IServiceCollection services, string connectionString, Action<IServiceProvider, NpgsqlDataSourceBuilder> configure)
    {
        Database.ConfigureDapper();
        services.AddNpgsqlDataSource(connectionString, (provider, dataSource) =>
        {
            configure(provider, dataSource);
            dataSource.UseVector();
            // As before the data source came from DI: Npgsql logs no command (it would log every one at Information).
            dataSource.UseLoggerFactory(null);
        });
        services.AddSingleton<Migrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}

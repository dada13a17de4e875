using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SkillsMatch.Storage;

public static class ReadRoutingServiceCollectionExtensions
{
    /// <summary>The name of the readers' connection string (the hot standbys), beside <see cref="DatabaseOptions.ConnectionStringName"/>.</summary>
    public const string ReadersConnectionStringName = "SkillsMatchReads";

    /// <summary>
    /// Registers <see cref="ReadRouting"/>: matching and search reads go to <paramref name="readersConnectionString"/>
    /// (the standbys) when one is given, else to the one primary data source <see cref="StorageServiceCollectionExtensions.AddStorage"/> registered.
    /// </summary>
    public static IServiceCollection AddReadRouting(this IServiceCollection services, string? readersConnectionString)
    {
        services.AddSingleton(s => string.IsNullOrWhiteSpace(readersConnectionString)
            ? new ReadRouting(s.GetRequiredService<NpgsqlDataSource>())
            : new ReadRouting(s.GetRequiredService<NpgsqlDataSource>(), Database.CreateDataSource(readersConnectionString)));
        return services;
    }
}

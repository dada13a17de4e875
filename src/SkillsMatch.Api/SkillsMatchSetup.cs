using Microsoft.Extensions.Options;
using Npgsql;
using SkillsMatch.Api.Errors;
using SkillsMatch.Storage;

namespace SkillsMatch.Api;

/// <summary>All of the API's wiring, so Program.cs stays a screen long.</summary>
public static class SkillsMatchSetup
{
    public static async Task AddSkillsMatchAsync(this WebApplicationBuilder builder)
    {
        var databaseOptions = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        databaseOptions = databaseOptions with
        {
            ConnectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
        };
        var connectionString = await Database.ResolveConnectionStringAsync(databaseOptions);
        builder.Services.AddSingleton(Options.Create(databaseOptions));
        builder.Services.AddStorage(connectionString);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SkillsMatch API";
            document.Info.Description =
                "Verified microcredentials and job postings on one skills taxonomy, matched by an explained embedding-plus-ranking pipeline.";
            return Task.CompletedTask;
        }));
    }

    /// <summary>Applies pending migrations before the API takes requests (Database:MigrateOnStart, on by default).</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStart) return Task.CompletedTask;
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var migrator = app.Services.GetRequiredService<Migrator>();
        return Task.Run(() => migrator.Migrate(dataSource.ConnectionString));
    }
}

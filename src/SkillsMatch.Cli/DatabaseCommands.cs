using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillsMatch.Storage;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch db migrate|status</c>.</summary>
public static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending SQL migrations, each in its own transaction.");
        migrate.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            try
            {
                var result = host.Services.GetRequiredService<Migrator>().Migrate(host.ConnectionString());
                Console.WriteLine(result.Applied.Count == 0
                    ? $"Database is up to date ({result.AllExecuted.Count} migrations applied)."
                    : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}");
                return 0;
            }
            catch (MigrationException ex)
            {
                throw new CliException(ex.Message);
            }
        });

        var status = new Command("status", "Show the applied migrations and the pgvector version.");
        status.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                var vector = await conn.QuerySingleOrDefaultAsync<string>("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
                var journal = await conn.QuerySingleAsync<bool>("SELECT to_regclass(@t) IS NOT NULL", new { t = Migrator.JournalTable });
                var applied = journal
                    ? (await conn.QueryAsync<string>($"SELECT scriptname FROM {Migrator.JournalTable} ORDER BY schemaversionsid")).ToList()
                    : [];
                Console.WriteLine($"server: {conn.PostgreSqlVersion}; pgvector: {vector ?? "not installed"}; migrations applied: {applied.Count}");
                foreach (var name in applied) Console.WriteLine("  " + Migrator.ScriptName(name));
                return 0;
            }
            catch (NpgsqlException ex)
            {
                throw new CliException("cannot reach the database: " + ex.Message);
            }
        });

        var db = new Command("db", "Database schema and state.");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        return db;
    }
}

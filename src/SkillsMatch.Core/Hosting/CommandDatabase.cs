using SkillsMatch.Storage;

namespace SkillsMatch.Hosting;

/// <summary>The database a command works on: its --connection value, else ConnectionStrings__SkillsMatch, else the embedded cluster.</summary>
public static class CommandDatabase
{
    /// <summary>The name of the CLI's (recursive) connection option, so commands outside the CLI project can read it.</summary>
    public const string OptionName = "--connection";

    public static async Task<string> ResolveConnectionStringAsync(string? connection, CancellationToken ct)
    {
        var options = new DatabaseOptions
        {
            ConnectionString = connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__SkillsMatch"),
        };
        try
        {
            return await Database.ResolveConnectionStringAsync(options, ct);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}

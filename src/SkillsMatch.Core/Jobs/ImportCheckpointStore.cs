using Dapper;
using Npgsql;

namespace SkillsMatch.Jobs;

/// <summary>The import files' checkpoints (<c>job_import_files</c>). The move past a stored batch is written by
/// <see cref="JobPostingWriter"/>, in that batch's transaction (<see cref="AdvanceSql"/>).</summary>
public sealed class ImportCheckpointStore(NpgsqlDataSource dataSource)
{
    internal const string AdvanceSql = """
        UPDATE job_import_files SET lines_done = greatest(lines_done, @line), updated_at = now() WHERE file_sha256 = @hash
        """;

    /// <summary>Registers the file (or finds it) and returns the line to resume after: 0 for a new file or a restart.</summary>
    public async Task<(int LinesDone, bool Completed)> StartAsync(byte[] fileSha256, string fileName, bool restart, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<(int, bool)>(new CommandDefinition("""
            INSERT INTO job_import_files (file_sha256, file_name) VALUES (@fileSha256, @fileName)
            ON CONFLICT (file_sha256) DO UPDATE SET file_name = excluded.file_name, updated_at = now(),
                lines_done = CASE WHEN @restart THEN 0 ELSE job_import_files.lines_done END,
                completed_at = CASE WHEN @restart THEN NULL ELSE job_import_files.completed_at END
            RETURNING lines_done, completed_at IS NOT NULL
            """, new { fileSha256, fileName, restart }, cancellationToken: ct));
    }

    /// <summary>The whole file is done: every line, trailing rejected ones included.</summary>
    public async Task CompleteAsync(byte[] fileSha256, int lines, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE job_import_files SET lines_done = greatest(lines_done, @lines), completed_at = now(), updated_at = now()
             WHERE file_sha256 = @fileSha256
            """, new { fileSha256, lines }, cancellationToken: ct));
    }

    public static async Task<byte[]> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct);
    }
}

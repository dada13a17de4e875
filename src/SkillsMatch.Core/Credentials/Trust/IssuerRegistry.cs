using Dapper;
using Npgsql;

namespace SkillsMatch.Credentials.Trust;

/// <summary>
/// The issuer trust registry (table <c>issuers</c>), shared by the admin API and the CLI. A change to an issuer makes
/// every stored credential it issued due for re-verification, so a newly (dis)trusted issuer re-tiers its learners' skills
/// on the next scheduled pass.
/// </summary>
public sealed class IssuerRegistry(NpgsqlDataSource dataSource, TimeProvider? time = null)
{
    private const string Columns = """
        id, issuer_uri, name, trusted, accrediting_body, framework, last_review, notes, created_at, updated_at
        """;

    public async Task<IReadOnlyList<Issuer>> ListAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Issuer>(new CommandDefinition($"SELECT {Columns} FROM issuers ORDER BY name, issuer_uri", cancellationToken: ct))).ToList();
    }

    public async Task<Issuer?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Issuer>(new CommandDefinition($"SELECT {Columns} FROM issuers WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<Issuer?> FindAsync(string issuerUri, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Issuer>(new CommandDefinition(
            $"SELECT {Columns} FROM issuers WHERE issuer_uri = @issuerUri", new { issuerUri }, cancellationToken: ct));
    }

    /// <summary>By id (a uuid) or by issuer_uri: what the CLI accepts.</summary>
    public Task<Issuer?> FindByIdOrUriAsync(string reference, CancellationToken ct) =>
        Guid.TryParse(reference, out var id) ? GetAsync(id, ct) : FindAsync(reference, ct);

    /// <exception cref="DuplicateIssuerException">The issuer_uri is already registered.</exception>
    public async Task<Issuer> AddAsync(IssuerDetails details, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var issuer = await WriteAsync(conn, tx, details, $"""
            INSERT INTO issuers (issuer_uri, name, trusted, accrediting_body, framework, last_review, notes)
            VALUES (@IssuerUri, @Name, @Trusted, @AccreditingBody, @Framework, @LastReview, @Notes)
            RETURNING {Columns}
            """, details, ct);
        await MarkCredentialsDueAsync(conn, tx, issuer!.IssuerUri, ct);
        await tx.CommitAsync(ct);
        return issuer;
    }

    /// <summary>Replaces everything stated about the issuer; null when there is no such issuer.</summary>
    /// <exception cref="DuplicateIssuerException">The new issuer_uri belongs to another issuer.</exception>
    public async Task<Issuer?> UpdateAsync(Guid id, IssuerDetails details, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var before = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT issuer_uri FROM issuers WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct));
        if (before is null) return null;
        var issuer = await WriteAsync(conn, tx, details, $"""
            UPDATE issuers SET issuer_uri = @IssuerUri, name = @Name, trusted = @Trusted, accrediting_body = @AccreditingBody,
                   framework = @Framework, last_review = @LastReview, notes = @Notes, updated_at = now()
             WHERE id = @Id
            RETURNING {Columns}
            """, new { Id = id, details.IssuerUri, details.Name, details.Trusted, details.AccreditingBody, details.Framework, details.LastReview, details.Notes }, ct);
        await MarkCredentialsDueAsync(conn, tx, before, ct);
        await MarkCredentialsDueAsync(conn, tx, details.IssuerUri, ct);
        await tx.CommitAsync(ct);
        return issuer;
    }

    public async Task<Issuer?> SetTrustedAsync(Guid id, bool trusted, CancellationToken ct)
    {
        var issuer = await GetAsync(id, ct);
        if (issuer is null) return null;
        return await UpdateAsync(id, new IssuerDetails(issuer.IssuerUri, issuer.Name, trusted, issuer.AccreditingBody, issuer.Framework, issuer.LastReview, issuer.Notes), ct);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var uri = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "DELETE FROM issuers WHERE id = @id RETURNING issuer_uri", new { id }, tx, cancellationToken: ct));
        if (uri is null) return false;
        await MarkCredentialsDueAsync(conn, tx, uri, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<Issuer?> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IssuerDetails details, string sql, object parameters, CancellationToken ct)
    {
        try
        {
            return await conn.QuerySingleOrDefaultAsync<Issuer>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateIssuerException(details.IssuerUri);
        }
    }

    private async Task MarkCredentialsDueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string issuerUri, CancellationToken ct) =>
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE learner_credentials SET next_check_at = LEAST(next_check_at, @now) WHERE issuer_uri = @issuerUri",
            new { issuerUri, now = (time ?? TimeProvider.System).GetUtcNow() }, tx, cancellationToken: ct));
}

using Dapper;
using Npgsql;

using SkillsMatch.Access;

namespace SkillsMatch.Demo;

/// <summary>
/// The run command's first keys: the <see cref="FirstAdminKey"/>, one demo key per other role, and a key
/// for every demo learner that has none. Idempotent: re-running creates only what is missing (so demo learners
/// added later get their keys on the next start). Keys are recognised by their label.
/// </summary>
public sealed class DemoKeys(NpgsqlDataSource dataSource, ApiKeyStore keys, FirstAdminKey firstAdmin)
{
    public const string DemoPractitioner = "demo-practitioner";
    public const string DemoEmployer = "Demo Employer Inc.";
    public const string DemoIssuer = "https://issuer.demo.skillsmatch.example";

    private static readonly NewApiKey[] RoleKeys =
    [
        new(Role.Practitioner, Subject: DemoPractitioner, Label: "demo practitioner"),
        new(Role.Employer, Subject: DemoEmployer, Label: "demo employer"),
        new(Role.Issuer, Subject: DemoIssuer, Label: "demo issuer"),
    ];

    /// <summary>Creates what is missing and returns only the keys created now (the caller shows them once).</summary>
    public async Task<IReadOnlyList<CreatedApiKey>> EnsureAsync(CancellationToken ct = default)
    {
        var created = new List<CreatedApiKey>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await FirstAdminKey.LockAsync(conn, ct);
        if (await firstAdmin.EnsureAsync(conn, tx, ct) is { } admin) created.Add(admin);

        var labels = (await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT label FROM api_keys WHERE revoked_at IS NULL AND label IS NOT NULL", transaction: tx, cancellationToken: ct))).ToHashSet();
        foreach (var key in RoleKeys)
            if (!labels.Contains(key.Label!))
                created.Add(await keys.CreateAsync(key, ct));

        var learnersWithoutKey = await conn.QueryAsync<(Guid Id, string Name)>(new CommandDefinition("""
            SELECT l.id, l.display_name FROM learners l
            WHERE l.is_demo AND NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.learner_id = l.id AND k.revoked_at IS NULL)
            ORDER BY l.display_name
            """, transaction: tx, cancellationToken: ct));
        foreach (var (id, name) in learnersWithoutKey)
            created.Add(await keys.CreateAsync(new NewApiKey(Role.Learner, LearnerId: id, Label: "demo learner " + name), ct));

        await tx.CommitAsync(ct);
        return created;
    }
}

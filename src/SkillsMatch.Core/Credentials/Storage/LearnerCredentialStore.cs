using Dapper;
using Npgsql;
using SkillsMatch.Learners;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// Every query about learners' stored credentials and the skill evidence they give. Each write refreshes the learner's
/// retrieval summary (skill ids, tiers, embedding) in the same transaction, so a revoked credential leaves search at once.
/// </summary>
public sealed class LearnerCredentialStore(NpgsqlDataSource dataSource, LearnerSkillSummary summary)
{
    private const string Columns = """
        c.id, c.learner_id, c.format, c.container, c.media_type, c.credential_ref, c.issuer_uri, c.issuer_name,
        c.achievement_name, c.achievement_description, c.achievement_criteria, c.microcredential, c.signature_valid,
        c.key_bound, c.issuer_trusted, c.status, c.valid_from, c.valid_until, c.verified, c.holder_bound, c.reasons, c.verified_at,
        c.next_check_at, c.created_at, c.verdict
        """;

    /// <summary>The learner's email (the expected recipient); null when there is no such learner.</summary>
    public async Task<LearnerContact?> FindLearnerAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<LearnerContact>(new CommandDefinition(
            "SELECT id, email FROM learners WHERE id = @learnerId", new { learnerId }, cancellationToken: ct));
    }

    public async Task<Guid?> FindByContentAsync(Guid learnerId, byte[] contentSha256, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM learner_credentials WHERE learner_id = @learnerId AND content_sha256 = @contentSha256",
            new { learnerId, contentSha256 }, cancellationToken: ct));
    }

    /// <summary>
    /// Stores the credential and its evidence in one transaction. No id when the same bytes are already stored for the
    /// learner; <see cref="InsertOutcome.ClaimTaken"/> when another learner bound the same credential first.
    /// </summary>
    public async Task<InsertOutcome> InsertAsync(
        Guid learnerId, byte[] content, byte[] contentSha256, string mediaType, CredentialRecord record,
        IReadOnlyList<CredentialEvidence> evidence, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Guid? id;
        try
        {
            // ON CONFLICT DO NOTHING returns no row when a concurrent submission of the same bytes won.
            id = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
                INSERT INTO learner_credentials (learner_id, format, container, media_type, content, content_sha256, credential_ref,
                    issuer_uri, issuer_name, achievement_name, achievement_description, achievement_criteria, microcredential, verdict,
                    signature_valid, key_bound, issuer_trusted, status, valid_from, valid_until, verified, holder_bound, claim_key,
                    reasons, verified_at, next_check_at)
                VALUES (@LearnerId, @Format, @Container, @MediaType, @Content, @ContentSha256, @CredentialRef,
                    @IssuerUri, @IssuerName, @AchievementName, @AchievementDescription, @AchievementCriteria, @Microcredential::jsonb, @Verdict::jsonb,
                    @SignatureValid, @KeyBound, @IssuerTrusted, @Status, @ValidFrom, @ValidUntil, @Verified, @HolderBound, @ClaimKey,
                    @Reasons::jsonb, @VerifiedAt, @NextCheckAt)
                ON CONFLICT (learner_id, content_sha256) DO NOTHING
                RETURNING id
                """, Parameters(record, new { LearnerId = learnerId, Content = content, ContentSha256 = contentSha256, MediaType = mediaType }),
                tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "learner_credentials_bound_claim")
        {
            return new InsertOutcome(null, ClaimTaken: true);
        }
        if (id is not { } created) return new InsertOutcome(null);
        await InsertEvidenceAsync(conn, tx, learnerId, created, record.VerifiedAt, evidence, ct);
        await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);
        return new InsertOutcome(created);
    }

    /// <summary>Does a learner other than <paramref name="learnerId"/> hold the credential <paramref name="claimKey"/> bound to them?</summary>
    public async Task<bool> ClaimedByAnotherAsync(string claimKey, Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM learner_credentials WHERE claim_key = @claimKey AND holder_bound AND learner_id <> @learnerId)",
            new { claimKey, learnerId }, cancellationToken: ct));
    }

    /// <summary>The learner's credentials whose subject is not (yet) bound to them.</summary>
    public async Task<IReadOnlyList<Guid>> UnboundAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM learner_credentials WHERE learner_id = @learnerId AND NOT holder_bound ORDER BY created_at, id",
            new { learnerId }, cancellationToken: ct))).ToList();
    }

    /// <summary>The new verdict and the evidence it implies replace the old ones together; false when the credential is gone.</summary>
    public async Task<bool> UpdateVerdictAsync(Guid learnerId, Guid credentialId, CredentialRecord record, IReadOnlyList<CredentialEvidence> evidence, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var updated = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE learner_credentials SET issuer_name = COALESCE(@IssuerName, issuer_name), verdict = @Verdict::jsonb, signature_valid = @SignatureValid,
                   key_bound = @KeyBound, issuer_trusted = @IssuerTrusted, status = @Status, valid_from = @ValidFrom, valid_until = @ValidUntil,
                   verified = @Verified, holder_bound = @HolderBound, reasons = @Reasons::jsonb, verified_at = @VerifiedAt, next_check_at = @NextCheckAt
             WHERE id = @CredentialId AND learner_id = @LearnerId
            """, Parameters(record, new { CredentialId = credentialId, LearnerId = learnerId }), tx, cancellationToken: ct));
        if (updated == 0) return false;
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM learner_skill_evidence WHERE credential_id = @credentialId AND learner_id = @learnerId", new { credentialId, learnerId }, tx, cancellationToken: ct));
        await InsertEvidenceAsync(conn, tx, learnerId, credentialId, record.VerifiedAt, evidence, ct);
        await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<StoredContent?> LoadContentAsync(Guid learnerId, Guid credentialId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<StoredContent>(new CommandDefinition("""
            SELECT c.content FROM learner_credentials c WHERE c.id = @credentialId AND c.learner_id = @learnerId
            """, new { learnerId, credentialId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StoredCredential>> ListAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var credentials = (await conn.QueryAsync<StoredCredential>(new CommandDefinition(
            $"SELECT {Columns} FROM learner_credentials c WHERE c.learner_id = @learnerId ORDER BY c.created_at, c.id",
            new { learnerId }, cancellationToken: ct))).ToList();
        var skills = (await conn.QueryAsync<CredentialSkill>(new CommandDefinition($"""
            SELECT {EvidenceColumns} FROM learner_skill_evidence e JOIN skills s ON s.id = e.skill_id
             WHERE e.learner_id = @learnerId AND e.credential_id IS NOT NULL ORDER BY e.tier DESC, e.confidence DESC, e.id
            """, new { learnerId }, cancellationToken: ct))).ToLookup(s => s.CredentialId);
        return credentials.Select(c => c with { Skills = skills[c.Id].ToList() }).ToList();
    }

    public async Task<StoredCredential?> GetAsync(Guid learnerId, Guid credentialId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var credential = await conn.QuerySingleOrDefaultAsync<StoredCredential>(new CommandDefinition(
            $"SELECT {Columns} FROM learner_credentials c WHERE c.id = @credentialId AND c.learner_id = @learnerId",
            new { learnerId, credentialId }, cancellationToken: ct));
        if (credential is null) return null;
        var skills = await conn.QueryAsync<CredentialSkill>(new CommandDefinition($"""
            SELECT {EvidenceColumns} FROM learner_skill_evidence e JOIN skills s ON s.id = e.skill_id
             WHERE e.credential_id = @credentialId AND e.learner_id = @learnerId ORDER BY e.tier DESC, e.confidence DESC, e.id
            """, new { credentialId, learnerId }, cancellationToken: ct));
        return credential with { Skills = skills.ToList() };
    }

    /// <summary>Removes the credential; its evidence goes with it (ON DELETE CASCADE).</summary>
    public async Task<bool> DeleteAsync(Guid learnerId, Guid credentialId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM learner_credentials WHERE id = @credentialId AND learner_id = @learnerId", new { learnerId, credentialId }, tx, cancellationToken: ct)) > 0;
        if (deleted) await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    /// <summary>Credentials whose next check is due at <paramref name="now"/>, the most overdue first.</summary>
    public async Task<IReadOnlyList<DueCredential>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DueCredential>(new CommandDefinition(
            "SELECT learner_id AS learnerid, id FROM learner_credentials WHERE next_check_at <= @now ORDER BY next_check_at LIMIT @limit",
            new { now, limit }, cancellationToken: ct))).ToList();
    }

    private const string EvidenceColumns = """
        e.credential_id, e.skill_id, s.external_id, s.preferred_label AS label, e.tier, e.source, e.confidence, e.detail, e.span_start, e.span_end
        """;

    private static DynamicParameters Parameters(CredentialRecord record, object extra)
    {
        var parameters = new DynamicParameters(record);
        parameters.AddDynamicParams(extra);
        return parameters;
    }

    private static async Task InsertEvidenceAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, Guid learnerId, Guid credentialId, DateTimeOffset at, IReadOnlyList<CredentialEvidence> evidence, CancellationToken ct)
    {
        if (evidence.Count == 0) return;
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, detail, span_start, span_end, credential_id, evidenced_at)
            SELECT @learnerId, e.skill_id, e.tier, e.source, e.confidence, e.detail, e.span_start, e.span_end, @credentialId, @at
              FROM unnest(@skills, @tiers, @sources, @confidences, @details, @starts, @ends)
                   AS e(skill_id, tier, source, confidence, detail, span_start, span_end)
            """, new
        {
            learnerId,
            credentialId,
            at,
            skills = evidence.Select(e => e.Found.SkillId).ToArray(),
            tiers = evidence.Select(e => (short)e.Tier).ToArray(),
            sources = evidence.Select(e => e.Source).ToArray(),
            confidences = evidence.Select(e => (float)Math.Clamp(e.Found.Confidence, 0, 1)).ToArray(),
            details = evidence.Select(e => e.Found.Detail).ToArray(),
            starts = evidence.Select(e => e.Found.SpanStart).ToArray(),
            ends = evidence.Select(e => e.Found.SpanEnd).ToArray(),
        }, tx, cancellationToken: ct));
    }
}

public sealed record LearnerContact(Guid Id, string? Email);

public sealed record StoredContent(byte[] Content);

/// <summary>The new credential's id (none when the same bytes were already stored), or the claim another learner holds.</summary>
public sealed record InsertOutcome(Guid? Id, bool ClaimTaken = false);

public sealed record DueCredential(Guid LearnerId, Guid Id);

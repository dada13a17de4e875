using Dapper;
using Npgsql;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Learners;

/// <summary>
/// Every query about learner profiles, their experiences and their evidence. Each write runs in one transaction
/// that ends with <see cref="LearnerSkillSummary.RefreshSkillSummaryAsync"/>, so consent, skills and retrieval
/// fields change together and at once.
/// </summary>
public sealed partial class LearnerStore(
    NpgsqlDataSource dataSource, LearnerSkillSummary summary, SkillExtractor extractor, WorkingTaxonomy working)
{
    private const string UniqueViolation = "23505";

    /// <summary>
    /// The new learner's id, or null when another learner already has <see cref="CheckedLearner.ExternalRef"/>. Only staff
    /// create learners, so the e-mail given counts as verified (staff-attested) for holder binding.
    /// </summary>
    public async Task<Guid?> CreateAsync(CheckedLearner learner, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Guid id;
        try
        {
            id = await conn.QuerySingleAsync<Guid>(new CommandDefinition("""
                INSERT INTO learners (external_ref, display_name, email, region, city, remote_preference, target_occupation_ids,
                                      visible_to_employers, visible_parts, is_demo, email_verified, willing_to_relocate, languages, learning_formats)
                VALUES (@ExternalRef, @DisplayName, @Email, @Region, @City, @RemotePreference, @TargetOccupationIds,
                        @VisibleToEmployers, @VisibleParts, @IsDemo, @Email IS NOT NULL, @WillingToRelocate, @Languages, @LearningFormats)
                RETURNING id
                """, learner, tx, cancellationToken: ct));
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return null;
        }
        await summary.RefreshSkillSummaryAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Replaces the profile and consent (an omitted external ref keeps the stored one). A changed e-mail counts as verified
    /// only when <paramref name="staffAttested"/> (an admin or practitioner set it); a learner's own change must be verified
    /// with a code before it binds credentials.
    /// </summary>
    public async Task<UpdateOutcome> UpdateAsync(Guid id, CheckedLearner learner, CancellationToken ct, bool staffAttested = false)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        int updated;
        try
        {
            updated = await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE learners SET external_ref = coalesce(@ExternalRef, external_ref), display_name = @DisplayName, email = @Email,
                       email_verified = CASE WHEN email IS NOT DISTINCT FROM @Email THEN email_verified ELSE @Email IS NOT NULL AND @StaffAttested END,
                       region = @Region, city = @City, remote_preference = @RemotePreference, target_occupation_ids = @TargetOccupationIds,
                       visible_to_employers = @VisibleToEmployers, visible_parts = @VisibleParts,
                       willing_to_relocate = @WillingToRelocate, languages = @Languages, learning_formats = @LearningFormats, updated_at = now()
                 WHERE id = @Id
                """, new { Id = id, learner.ExternalRef, learner.DisplayName, learner.Email, learner.Region, learner.City, learner.RemotePreference,
                           learner.TargetOccupationIds, learner.VisibleToEmployers, learner.VisibleParts, StaffAttested = staffAttested,
                           learner.WillingToRelocate, learner.Languages, learner.LearningFormats }, tx, cancellationToken: ct));
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return UpdateOutcome.Conflict;
        }
        if (updated == 0) return UpdateOutcome.NotFound;
        await summary.RefreshSkillSummaryAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return UpdateOutcome.Updated;
    }

    /// <summary>
    /// Changes only the consent (whether employers find the learner, and what they see), nothing else of the profile;
    /// retrieval fields follow at once. False when there is no such learner.
    /// </summary>
    public async Task<bool> UpdateConsentAsync(Guid id, bool visibleToEmployers, IReadOnlyList<string> parts, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var updated = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE learners SET visible_to_employers = @visibleToEmployers, visible_parts = @parts, updated_at = now() WHERE id = @id
            """, new { id, visibleToEmployers, parts = parts.ToArray() }, tx, cancellationToken: ct));
        if (updated == 0) return false;
        await summary.RefreshSkillSummaryAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("DELETE FROM learners WHERE id = @id", new { id }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM learners WHERE id = @id)", new { id }, cancellationToken: ct));
    }

    /// <summary>The learner an outside system (or the demo loader) knows by <paramref name="externalRef"/>, if any.</summary>
    public async Task<Guid?> FindByExternalRefAsync(string externalRef, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM learners WHERE external_ref = @externalRef", new { externalRef }, cancellationToken: ct));
    }

    public async Task<LearnerProfile?> GetAsync(Guid id, CancellationToken ct)
    {
        var profiles = await LoadProfilesAsync([id], ct);
        return profiles.Count > 0 ? profiles[0] : null;
    }

    /// <summary>Display names of the given learners (the caller has already been allowed to see each of them).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
            "SELECT id, display_name FROM learners WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => r.Name);
    }

    public async Task<Page<LearnerProfile>> ListAsync(int limit, int offset, CancellationToken ct)
    {
        long total;
        Guid[] ids;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        await using (var results = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT count(*) FROM learners;
            SELECT id FROM learners ORDER BY created_at, id LIMIT @limit OFFSET @offset;
            """, new { limit, offset }, cancellationToken: ct)))
        {
            total = await results.ReadSingleAsync<long>();
            ids = (await results.ReadAsync<Guid>()).ToArray();
        }
        var profiles = (await LoadProfilesAsync(ids, ct)).ToDictionary(p => p.Id);
        return new Page<LearnerProfile>(ids.Select(id => profiles[id]).ToList(), total, limit, offset);
    }

    /// <summary>Profiles with their target occupations, experiences and the skills inferred from each, in four queries.</summary>
    public async Task<IReadOnlyList<LearnerProfile>> LoadProfilesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, external_ref, display_name, email, region, city, remote_preference, target_occupation_ids,
                   visible_to_employers, visible_parts, is_demo, created_at, updated_at, willing_to_relocate, languages, learning_formats
              FROM learners WHERE id = ANY(@ids);
            SELECT o.id, o.external_id, o.title FROM occupations o
             WHERE o.id IN (SELECT unnest(target_occupation_ids) FROM learners WHERE id = ANY(@ids));
            SELECT id, learner_id, kind, title, organisation, description, start_date, end_date
              FROM learner_experiences WHERE learner_id = ANY(@ids) ORDER BY start_date DESC NULLS FIRST, created_at DESC;
            SELECT e.experience_id, e.skill_id, s.preferred_label AS label, e.confidence::float8 AS confidence, e.detail, e.level
              FROM learner_skill_evidence e JOIN skills s ON s.id = e.skill_id
             WHERE e.learner_id = ANY(@ids) AND e.experience_id IS NOT NULL ORDER BY e.confidence DESC, s.preferred_label;
            """, new { ids = ids.ToArray() }, cancellationToken: ct));
        var learners = (await results.ReadAsync<LearnerRow>()).ToList();
        var occupations = (await results.ReadAsync<OccupationRow>()).ToDictionary(o => o.Id);
        var experiences = (await results.ReadAsync<ExperienceRow>()).ToList();
        var inferred = (await results.ReadAsync<InferredRow>()).ToLookup(r => r.ExperienceId);
        var byLearner = experiences.ToLookup(e => e.LearnerId, e => e.ToExperience(inferred[e.Id]));
        return learners.Select(l => new LearnerProfile(
            l.Id, l.ExternalRef, l.DisplayName, l.Email, l.Region, l.City, l.RemotePreference,
            l.TargetOccupationIds.Where(occupations.ContainsKey).Select(o => new TargetOccupation(o, occupations[o].ExternalId, occupations[o].Title)).ToList(),
            new LearnerConsent(l.VisibleToEmployers, l.VisibleParts), byLearner[l.Id].ToList(), l.IsDemo,
            new DateTimeOffset(l.CreatedAt, TimeSpan.Zero), new DateTimeOffset(l.UpdatedAt, TimeSpan.Zero),
            new LearnerPreferences(l.WillingToRelocate, l.Languages, l.LearningFormats))).ToList();
    }

    private sealed class LearnerRow
    {
        public Guid Id { get; init; }
        public string? ExternalRef { get; init; }
        public string DisplayName { get; init; } = "";
        public string? Email { get; init; }
        public string? Region { get; init; }
        public string? City { get; init; }
        public string RemotePreference { get; init; } = "any";
        public long[] TargetOccupationIds { get; init; } = [];
        public bool VisibleToEmployers { get; init; }
        public string[] VisibleParts { get; init; } = [];
        public bool IsDemo { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public bool WillingToRelocate { get; init; }
        public string[]? Languages { get; init; }
        public string[]? LearningFormats { get; init; }
    }

    private sealed class OccupationRow
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
    }

    private sealed class ExperienceRow
    {
        public Guid Id { get; init; }
        public Guid LearnerId { get; init; }
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Organisation { get; init; }
        public string Description { get; init; } = "";
        public DateTime? StartDate { get; init; }
        public DateTime? EndDate { get; init; }

        public LearnerExperience ToExperience(IEnumerable<InferredRow> skills) => new(
            Id, Kind, Title, Organisation, Description, ToDate(StartDate), ToDate(EndDate),
            skills.Select(s => new InferredSkill(s.SkillId, s.Label, s.Confidence, s.Detail, LearnerChecks.ParseLevel(s.Level))).ToList());
    }

    private sealed class InferredRow
    {
        public Guid ExperienceId { get; init; }
        public long SkillId { get; init; }
        public string Label { get; init; } = "";
        public double Confidence { get; init; }
        public string? Detail { get; init; }
        public string? Level { get; init; }
    }

    private static DateOnly? ToDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}

public enum UpdateOutcome { Updated, NotFound, Conflict }


using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using Pgvector;
using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Retrieval;

/// <summary>
/// Reads what the ranker compares, in one query per batch: learners' skills with their strongest evidence, and roles
/// (postings or occupations) as requirements. Nothing personal beyond skills, region and the consent settings is read
/// for ranking; <see cref="VisibleProfilesAsync"/> reads what consenting learners show employers.
/// </summary>
public sealed class MatchInputsStore(ReadRouting reads, TaxonomyStore taxonomies) : IDisposable
{
    /// <summary>
    /// Requirement weights of a posting's skills: "required" ones (the skills field's items, cued ones, an employer's
    /// edit) are essential; skills named without a cue are optional at half weight; "preferred" ones are optional.
    /// </summary>
    public const double UncuedImportance = 0.5;

    /// <summary>
    /// Learners' skills. A skill's credential QA comes from the trust registry and only for credential-verified evidence,
    /// as the ranker was trained (SyntheticLearners): text found in a credential, an unbound copy of someone's credential
    /// or an issuer outside the registry never counts as accredited, whatever the credential says of itself.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, LearnerSkills>> LearnersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, LearnerSkills>();
        await using var conn = await reads.OpenAsync(ct);
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, embedding FROM learners WHERE id = ANY(@ids);
            SELECT e.learner_id AS learnerid, e.skill_id AS skillid, e.tier, e.level, e.years, e.evidenced_at AS evidencedat,
                   CASE WHEN e.tier <> 4 THEN 0
                        WHEN i.trusted AND i.accrediting_body IS NOT NULL THEN 2 WHEN i.trusted AND i.framework IS NOT NULL THEN 1 ELSE 0 END AS qa,
                   coalesce(c.achievement_name || coalesce(', issued by ' || c.issuer_name, ''), e.detail) AS evidence
              FROM learner_skill_evidence e
              LEFT JOIN learner_credentials c ON c.id = e.credential_id
              LEFT JOIN issuers i ON i.issuer_uri = c.issuer_uri
             WHERE e.learner_id = ANY(@ids);
            """, new { ids = ids.ToArray() }, cancellationToken: ct));
        var embeddings = (await grid.ReadAsync<(Guid Id, Vector? Embedding)>()).ToDictionary(r => r.Id, r => r.Embedding?.ToArray());
        var evidence = (await grid.ReadAsync<EvidenceRow>()).ToLookup(r => r.LearnerId);
        return embeddings.ToDictionary(l => l.Key, l => new LearnerSkills(evidence[l.Key].Select(e => e.ToLearnerSkill()), l.Value));
    }

    /// <summary>The learner's region and preferences, which set their filters' defaults; null when there is no such learner.</summary>
    public async Task<LearnerReach?> ReachAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<LearnerReach>(new CommandDefinition("""
            SELECT region, willing_to_relocate AS willingtorelocate, languages, learning_formats AS learningformats FROM learners WHERE id = @learnerId
            """, new { learnerId }, cancellationToken: ct));
    }

    /// <summary>
    /// Postings as roles. A posting is read far more often than it changes, so roles are remembered with the posting
    /// row's version (<c>xmin</c>: every write that changes a posting's skills, occupations or text rewrites that row)
    /// and the taxonomy labels' version; a request reads the versions of the postings it needs and only the changed
    /// or unseen ones in full.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, PostingRole>> PostingsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, PostingRole>();
        var labels = await taxonomies.LabelsVersionAsync(ct);
        await using var conn = await reads.OpenAsync(ct);
        var versions = await conn.QueryAsync<(Guid Id, long Version)>(new CommandDefinition(
            "SELECT id, xmin::text::bigint FROM job_postings WHERE id = ANY(@ids)", new { ids = ids.ToArray() }, cancellationToken: ct));
        var roles = new Dictionary<Guid, PostingRole>(ids.Count);
        var changed = new List<Guid>();
        foreach (var (id, version) in versions)
        {
            if (postingRoles.TryGetValue(id, out CachedRole? known) && known!.Version == version && known.Labels == labels) roles[id] = known.Role;
            else changed.Add(id);
        }
        if (changed.Count > 0)
            foreach (var (role, version) in await ReadPostingsAsync(conn, changed, ct))
            {
                roles[role.Id] = role;
                postingRoles.Set(role.Id, new CachedRole(role, version, labels), new MemoryCacheEntryOptions { Size = 1 });
            }
        return roles;
    }

    /// <summary>How many postings' roles are remembered (~3 KB each, most of it the embedding).</summary>
    public const int RememberedPostings = 50_000;

    private readonly MemoryCache postingRoles = new(new MemoryCacheOptions { SizeLimit = RememberedPostings });

    private sealed record CachedRole(PostingRole Role, long Version, string Labels);

    private static async Task<IEnumerable<(PostingRole Role, long Version)>> ReadPostingsAsync(NpgsqlConnection conn, List<Guid> ids, CancellationToken ct)
    {
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, xmin::text::bigint AS version, title, employer, region, city, remote, occupation_ids[1] AS occupationid, embedding
              FROM job_postings WHERE id = ANY(@ids);
            SELECT ps.posting_id AS postingid, ps.skill_id AS skillid, ps.requirement, ps.level, ps.years, s.preferred_label AS label
              FROM job_posting_skills ps JOIN skills s ON s.id = ps.skill_id
             WHERE ps.posting_id = ANY(@ids) AND NOT ps.removed_by_employer
             ORDER BY ps.posting_id, ps.skill_id;
            """, new { ids = ids.ToArray() }, cancellationToken: ct));
        var postings = (await grid.ReadAsync<PostingRow>()).ToList();
        var skills = (await grid.ReadAsync<PostingSkillRow>()).ToLookup(s => s.PostingId);
        return postings.Select(p => (new PostingRole(p.Id, p.Title, p.Employer, p.Region, p.City, p.Remote,
            new RoleProfile(skills[p.Id].Select(s => s.ToRequirement()).ToList(), p.Embedding?.ToArray(), p.OccupationId)), p.Version));
    }

    public async Task<(string Title, RoleProfile Role)?> OccupationAsync(long occupationId, CancellationToken ct)
    {
        await using var conn = await reads.OpenAsync(ct);
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT title, embedding FROM occupations WHERE id = @occupationId;
            SELECT os.skill_id AS skillid, os.relation, os.importance, s.preferred_label AS label
              FROM occupation_skills os JOIN skills s ON s.id = os.skill_id WHERE os.occupation_id = @occupationId ORDER BY os.skill_id;
            """, new { occupationId }, cancellationToken: ct));
        var occupation = await grid.ReadSingleOrDefaultAsync<(string Title, Vector? Embedding)?>();
        if (occupation is not { } found) return null;
        var requirements = (await grid.ReadAsync<(long SkillId, string Relation, float? Importance, string Label)>())
            .Select(s => new RoleRequirement(s.SkillId, s.Relation == "essential" ? RequirementKind.Essential : RequirementKind.Optional,
                s.Importance is { } importance ? importance / 5.0 : 1, Label: s.Label))
            .ToList();
        return (found.Title, new RoleProfile(requirements, found.Embedding?.ToArray(), occupationId));
    }

    /// <summary>What each learner shows employers; learners who do not share their skills with employers are absent.</summary>
    public async Task<Dictionary<Guid, VisibleProfile>> VisibleProfilesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        // Consent is read here, at request time and on the primary (never a standby that may lag by a few
        // milliseconds), so a learner who withdraws disappears from the very next search.
        // Experience and education entries under the same consent test, in the same snapshot: each kind only when its
        // part is shared (issue 18, item 4), and never the free-text description.
        await using var conn = await reads.Primary.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, display_name AS displayname, email, region, city, visible_parts AS visibleparts
              FROM learners WHERE id = ANY(@ids) AND visible_to_employers AND 'skills' = ANY(visible_parts);
            SELECT e.learner_id AS learnerid, e.kind, e.title, e.organisation, e.start_date AS startdate, e.end_date AS enddate
              FROM learner_experiences e JOIN learners l ON l.id = e.learner_id
             WHERE e.learner_id = ANY(@ids) AND l.visible_to_employers AND 'skills' = ANY(l.visible_parts) AND e.kind = ANY(l.visible_parts)
             ORDER BY e.start_date DESC NULLS FIRST, e.created_at DESC;
            """, new { ids = ids.ToArray() }, tx, cancellationToken: ct));
        var rows = (await grid.ReadAsync<VisibleProfile>()).ToList();
        var history = (await grid.ReadAsync<HistoryRow>()).ToLookup(h => h.LearnerId, h => h.ToEntry());
        return rows.ToDictionary(r => r.Id, r => r with { History = [.. history[r.Id]] });
    }

    public void Dispose() => postingRoles.Dispose();

    internal static Proficiency? ParseLevel(string? level) => level switch
    {
        "beginner" => Proficiency.Beginner,
        "intermediate" => Proficiency.Intermediate,
        "advanced" => Proficiency.Advanced,
        "expert" => Proficiency.Expert,
        _ => null,
    };

    private sealed record EvidenceRow(Guid LearnerId, long SkillId, short Tier, string? Level, float? Years, DateTime EvidencedAt, int Qa, string? Evidence)
    {
        public LearnerSkill ToLearnerSkill() => new(SkillId, (EvidenceTier)Tier, ParseLevel(Level), Years,
            new DateTimeOffset(DateTime.SpecifyKind(EvidencedAt, DateTimeKind.Utc)), (CredentialQaStatus)Qa, Evidence);
    }

    private sealed record HistoryRow(Guid LearnerId, string Kind, string Title, string? Organisation, DateOnly? StartDate, DateOnly? EndDate)
    {
        public SharedHistoryEntry ToEntry() => new(Kind, Title, Organisation, StartDate, EndDate);
    }

    private sealed record PostingRow(Guid Id, long Version, string Title, string? Employer, string? Region, string? City, string Remote, long? OccupationId, Vector? Embedding);

    private sealed record PostingSkillRow(Guid PostingId, long SkillId, string Requirement, string? Level, float? Years, string Label)
    {
        public RoleRequirement ToRequirement() => new(SkillId,
            Jobs.PostingRequirements.Kind(Requirement),
            Requirement == "none" ? UncuedImportance : 1, ParseLevel(Level), Years, Label);
    }
}

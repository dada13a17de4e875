using Dapper;
using Npgsql;

namespace SkillsMatch.Jobs;

/// <summary>Reading, listing, editing, closing and deleting stored postings (writes of new postings: <see cref="JobPostingWriter"/>).</summary>
public sealed class JobPostingStore(NpgsqlDataSource dataSource)
{
    /// <summary>'expired' is not stored: an open posting whose validThrough has passed reads as expired, no job needed.</summary>
    public const string StatusSql = "CASE WHEN p.status = 'open' AND p.valid_through < now() THEN 'expired' ELSE p.status END";

    /// <summary>Re-derives the retrieval arrays of postings @ids from their skill and occupation rows.</summary>
    public const string RefreshArraysSql = """

        UPDATE job_postings p SET
            skill_ids = ARRAY(SELECT s.skill_id FROM job_posting_skills s WHERE s.posting_id = p.id AND NOT s.removed_by_employer ORDER BY s.skill_id),
            required_skill_ids = ARRAY(SELECT s.skill_id FROM job_posting_skills s
                                        WHERE s.posting_id = p.id AND NOT s.removed_by_employer AND s.requirement = 'required' ORDER BY s.skill_id),
            occupation_ids = ARRAY(SELECT o.occupation_id FROM job_posting_occupations o WHERE o.posting_id = p.id ORDER BY o.rank)
         WHERE p.id = ANY(@ids);
        """;

    /// <summary>Which of <paramref name="externalIds"/> are stored already (an import that resumes skips them).</summary>
    public async Task<IReadOnlySet<string>> StoredExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT external_id FROM job_postings WHERE external_id = ANY(@ids)", new { ids = externalIds.ToArray() }, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<JobPostingView?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<PostingRow>(new CommandDefinition($"""
            SELECT p.id, p.external_id AS externalid, p.title, p.description, p.employer, p.employment_type AS employmenttype, p.region, p.city,
                   p.remote, p.date_posted::timestamp AS dateposted, p.valid_through AS validthrough, p.salary_min AS salarymin,
                   p.salary_max AS salarymax, p.salary_currency AS salarycurrency, p.salary_unit AS salaryunit, p.qualifications,
                   p.experience, p.experience_months AS experiencemonths, p.education, {StatusSql} AS status, p.is_demo AS isdemo,
                   p.embedding IS NOT NULL AS hasembedding, p.created_at AS createdat, p.updated_at AS updatedat
              FROM job_postings p WHERE p.id = @id
            """, new { id }, cancellationToken: ct));
        if (row is null) return null;
        var skills = await conn.QueryAsync<PostingSkill>(new CommandDefinition("""
            SELECT s.skill_id AS skillid, k.external_id AS externalid, k.preferred_label AS label, s.requirement, s.level, s.years,
                   s.confidence, s.source, s.span_start AS spanstart, s.span_end AS spanend, s.evidence, s.removed_by_employer AS removedbyemployer
              FROM job_posting_skills s JOIN skills k ON k.id = s.skill_id
             WHERE s.posting_id = @id
             ORDER BY s.removed_by_employer, CASE s.requirement WHEN 'required' THEN 0 WHEN 'preferred' THEN 1 ELSE 2 END, s.confidence DESC, s.skill_id
            """, new { id }, cancellationToken: ct));
        var occupations = await conn.QueryAsync<PostingOccupation>(new CommandDefinition("""
            SELECT o.occupation_id AS occupationid, c.external_id AS externalid, c.title, o.rank::int AS rank, o.score
              FROM job_posting_occupations o JOIN occupations c ON c.id = o.occupation_id
             WHERE o.posting_id = @id ORDER BY o.rank
            """, new { id }, cancellationToken: ct));
        return new JobPostingView(row.Id, row.ExternalId, row.Title, row.Description, row.Employer, row.EmploymentType, row.Region, row.City,
            row.Remote, row.DatePosted, row.ValidThrough, row.SalaryMin, row.SalaryMax, row.SalaryCurrency, row.SalaryUnit, row.Qualifications,
            row.Experience, row.ExperienceMonths, row.Education, row.Status, row.IsDemo, row.HasEmbedding, row.CreatedAt, row.UpdatedAt,
            skills.ToList(), occupations.ToList());
    }

    /// <summary>
    /// Postings by status and region; <paramref name="query"/> is PostgreSQL full-text search over title, description and
    /// employer (English and French stemming, websearch syntax: "quoted phrases", or, -not), ranked by ts_rank, best first.
    /// </summary>
    public async Task<JobPostingPage> ListAsync(string? status, string? region, string? query, int limit, int offset, CancellationToken ct)
    {
        var q = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<(Guid Id, string ExternalId, string Title, string? Employer, string? Region, string? City, string Remote,
            DateTime? DatePosted, DateTime? ValidThrough, string Status, int SkillCount, long Total)>(new CommandDefinition($"""
            WITH query AS ({SearchQuerySql})
            SELECT p.id, p.external_id, p.title, p.employer, p.region, p.city, p.remote, p.date_posted::timestamp, p.valid_through,
                   {StatusSql} AS status, cardinality(p.skill_ids), count(*) OVER ()
              FROM job_postings p, query
             WHERE (@status::text IS NULL OR {StatusSql} = @status)
               AND (@region::text IS NULL OR p.region = @region)
               AND (@q::text IS NULL OR p.search_en @@ query.en OR p.search_fr @@ query.fr)
             ORDER BY CASE WHEN @q::text IS NULL THEN 0 ELSE greatest(ts_rank(p.search_en, query.en), ts_rank(p.search_fr, query.fr)) END DESC,
                      p.date_posted DESC NULLS LAST, p.created_at DESC, p.id
             LIMIT @limit OFFSET @offset
            """, new { status, region, q, limit, offset }, cancellationToken: ct))).ToList();
        var total = rows.Count > 0 ? rows[0].Total : offset == 0 ? 0 : await conn.ExecuteScalarAsync<long>(new CommandDefinition($"""
            WITH query AS ({SearchQuerySql})
            SELECT count(*) FROM job_postings p, query
             WHERE (@status::text IS NULL OR {StatusSql} = @status) AND (@region::text IS NULL OR p.region = @region)
               AND (@q::text IS NULL OR p.search_en @@ query.en OR p.search_fr @@ query.fr)
            """, new { status, region, q }, cancellationToken: ct));
        return new JobPostingPage(rows.Select(r => new JobPostingSummary(r.Id, r.ExternalId, r.Title, r.Employer, r.Region, r.City, r.Remote,
            r.DatePosted, r.ValidThrough, r.Status, r.SkillCount)).ToList(), total, limit, offset);
    }

    /// <summary>@q read as English and as French, to match the posting's readings of the same language (migration 0020).</summary>
    private const string SearchQuerySql = """
        SELECT websearch_to_tsquery('english'::regconfig, coalesce(@q::text, '')) AS en, websearch_to_tsquery('french'::regconfig, coalesce(@q::text, '')) AS fr
        """;

    /// <summary>The postings an employer owns (their key's subject), newest first, whatever their status.</summary>
    public async Task<IReadOnlyList<JobPostingSummary>> OwnedByAsync(string owner, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(Guid Id, string ExternalId, string Title, string? Employer, string? Region, string? City, string Remote,
            DateTime? DatePosted, DateTime? ValidThrough, string Status, int SkillCount)>(new CommandDefinition($"""
            SELECT p.id, p.external_id, p.title, p.employer, p.region, p.city, p.remote, p.date_posted::timestamp, p.valid_through,
                   {StatusSql} AS status, cardinality(p.skill_ids)
              FROM job_postings p WHERE p.owner = @owner
             ORDER BY p.date_posted DESC NULLS LAST, p.created_at DESC, p.id
             LIMIT @limit
            """, new { owner, limit }, cancellationToken: ct));
        return [.. rows.Select(r => new JobPostingSummary(r.Id, r.ExternalId, r.Title, r.Employer, r.Region, r.City, r.Remote,
            r.DatePosted, r.ValidThrough, r.Status, r.SkillCount))];
    }

    /// <summary>Skill ids among <paramref name="skillIds"/> that are not in the taxonomy.</summary>
    public async Task<IReadOnlyList<long>> UnknownSkillsAsync(IReadOnlyCollection<long> skillIds, int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var known = await conn.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM skills WHERE id = ANY(@ids) AND taxonomy_id = @taxonomyId", new { ids = skillIds.ToArray(), taxonomyId }, cancellationToken: ct));
        return skillIds.Except(known).ToList();
    }

    /// <summary>Applies an employer's edits in one transaction; false when the posting does not exist.</summary>
    public async Task<bool> EditSkillsAsync(Guid id, IReadOnlyList<SkillEdit> edits, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT 1 FROM job_postings WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct)) is null)
            return false;
        foreach (var edit in edits)
        {
            // Employer rows win over re-extraction: source 'employer' is never replaced, and a removal is remembered.
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO job_posting_skills (posting_id, skill_id, requirement, level, years, confidence, source, removed_by_employer)
                VALUES (@id, @skillId, coalesce(@requirement, 'none'), @level, @years, 1, 'employer', @remove)
                ON CONFLICT (posting_id, skill_id) DO UPDATE SET
                    requirement = coalesce(@requirement, job_posting_skills.requirement),
                    level = coalesce(@level, job_posting_skills.level),
                    years = coalesce(@years, job_posting_skills.years),
                    source = 'employer', removed_by_employer = @remove, updated_at = now()
                """, new { id, skillId = edit.SkillId, requirement = edit.Requirement, level = edit.Level, years = edit.Years, remove = edit.Remove },
                tx, cancellationToken: ct));
        }
        await conn.ExecuteAsync(new CommandDefinition(RefreshArraysSql + "UPDATE job_postings SET updated_at = now() WHERE id = @id;",
            new { ids = new[] { id }, id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Who may change the posting: its owner's subject, "" when it has none (admins only), null when there is no such posting.</summary>
    public async Task<string?> OwnerAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT coalesce(owner, '') FROM job_postings WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<bool> CloseAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE job_postings SET status = 'closed', updated_at = now() WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>Opens a closed posting again (an expired one stays expired until its validThrough moves).</summary>
    public async Task<bool> ReopenAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE job_postings SET status = 'open', updated_at = now() WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("DELETE FROM job_postings WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    private sealed class PostingRow
    {
        public Guid Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string? Employer { get; init; }
        public string[] EmploymentType { get; init; } = [];
        public string? Region { get; init; }
        public string? City { get; init; }
        public string Remote { get; init; } = "";
        public DateTime? DatePosted { get; init; }
        public DateTime? ValidThrough { get; init; }
        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string? SalaryCurrency { get; init; }
        public string? SalaryUnit { get; init; }
        public string? Qualifications { get; init; }
        public string? Experience { get; init; }
        public int? ExperienceMonths { get; init; }
        public string? Education { get; init; }
        public string Status { get; init; } = "";
        public bool IsDemo { get; init; }
        public bool HasEmbedding { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }
}

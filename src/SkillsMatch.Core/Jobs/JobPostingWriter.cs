using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SkillsMatch.Extraction;

namespace SkillsMatch.Jobs;

/// <summary>
/// Stores processed postings in one transaction: binary COPY into staging tables, then an upsert on
/// external_id (re-import updates, ids stay). Extracted skills are replaced; skills the employer added,
/// changed or removed are kept (ON CONFLICT DO NOTHING leaves their rows alone).
/// </summary>
public sealed class JobPostingWriter(NpgsqlDataSource dataSource)
{
    /// <summary>The stored ids by external id, and which of them were new.</summary>
    /// <param name="owner">The employer saving through the API: new postings become theirs, and a posting of another owner (or of
    /// none: imported or made by an admin) with the same identifier is left alone and absent from the result. Null: import or admin, may update any.</param>
    /// <param name="checkpoint">Bulk import: the file's checkpoint moves to this batch's last line in the same transaction.</param>
    public async Task<IReadOnlyList<(Guid Id, string ExternalId, bool Created)>> SaveAsync(
        IReadOnlyList<ProcessedPosting> postings, bool isDemo, string? owner, CancellationToken ct, ImportCheckpoint? checkpoint = null)
    {
        // The same identifier twice in one batch: the later row wins, as a later re-import would.
        var batch = postings.GroupBy(p => p.Posting.ExternalId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE staged_postings (LIKE job_postings INCLUDING DEFAULTS) ON COMMIT DROP;
            CREATE TEMP TABLE staged_skills (external_id text, skill_id bigint, requirement text, level text, years real,
                confidence real, span_start int, span_end int, evidence text) ON COMMIT DROP;
            CREATE TEMP TABLE staged_occupations (external_id text, occupation_id bigint, rank smallint, score real) ON COMMIT DROP;
            """, transaction: tx, cancellationToken: ct));
        await CopyPostingsAsync(conn, batch, isDemo, ct);
        await CopySkillsAsync(conn, batch, ct);
        await CopyOccupationsAsync(conn, batch, ct);

        var stored = (await conn.QueryAsync<(Guid Id, string ExternalId, bool Created)>(new CommandDefinition("""
            INSERT INTO job_postings (external_id, title, description, employer, employment_type, region, city, remote, date_posted,
                valid_through, salary_min, salary_max, salary_currency, salary_unit, qualifications, experience, experience_months,
                education, source, embedding, embedding_model, is_demo, owner)
            SELECT external_id, title, description, employer, employment_type, region, city, remote, date_posted,
                valid_through, salary_min, salary_max, salary_currency, salary_unit, qualifications, experience, experience_months,
                education, source, embedding, embedding_model, is_demo, @owner
              FROM staged_postings
            ON CONFLICT ((coalesce(owner, '')), external_id) DO UPDATE SET
                title = excluded.title, description = excluded.description, employer = excluded.employer,
                employment_type = excluded.employment_type, region = excluded.region, city = excluded.city, remote = excluded.remote,
                date_posted = excluded.date_posted, valid_through = excluded.valid_through, salary_min = excluded.salary_min,
                salary_max = excluded.salary_max, salary_currency = excluded.salary_currency, salary_unit = excluded.salary_unit,
                qualifications = excluded.qualifications, experience = excluded.experience, experience_months = excluded.experience_months,
                education = excluded.education, source = excluded.source, embedding = excluded.embedding,
                embedding_model = excluded.embedding_model, is_demo = excluded.is_demo,
                updated_at = now()
              WHERE @owner::text IS NULL OR job_postings.owner = @owner
            RETURNING id, external_id, (xmax = 0) AS created
            """, new { owner }, transaction: tx, commandTimeout: 600, cancellationToken: ct))).ToList();
        var ids = stored.Select(s => s.Id).ToArray();
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM job_posting_skills WHERE posting_id = ANY(@ids) AND source = 'extracted' AND NOT removed_by_employer;
            INSERT INTO job_posting_skills (posting_id, skill_id, requirement, level, years, confidence, source, span_start, span_end, evidence)
            SELECT p.id, s.skill_id, s.requirement, s.level, s.years, s.confidence, 'extracted', s.span_start, s.span_end, s.evidence
              FROM staged_skills s JOIN job_postings p ON p.external_id = s.external_id WHERE p.id = ANY(@ids)
            ON CONFLICT (posting_id, skill_id) DO NOTHING;
            DELETE FROM job_posting_occupations WHERE posting_id = ANY(@ids);
            INSERT INTO job_posting_occupations (posting_id, occupation_id, rank, score)
            SELECT p.id, o.occupation_id, o.rank, o.score FROM staged_occupations o JOIN job_postings p ON p.external_id = o.external_id WHERE p.id = ANY(@ids);
            """ + JobPostingStore.RefreshArraysSql, new { ids }, transaction: tx, commandTimeout: 600, cancellationToken: ct));
        if (checkpoint is not null)
            await conn.ExecuteAsync(new CommandDefinition(ImportCheckpointStore.AdvanceSql,
                new { line = checkpoint.Line, hash = checkpoint.FileSha256 }, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return stored;
    }

    private static async Task CopyPostingsAsync(NpgsqlConnection conn, List<ProcessedPosting> batch, bool isDemo, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY staged_postings (external_id, title, description, employer, employment_type, region, city, remote, date_posted,
                valid_through, salary_min, salary_max, salary_currency, salary_unit, qualifications, experience, experience_months,
                education, source, embedding, embedding_model, is_demo) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var processed in batch)
        {
            var p = processed.Posting;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(p.ExternalId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(p.Title, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(p.Description, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.Employer, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(p.EmploymentType.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.Region, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.City, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(p.Remote, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.DatePosted, NpgsqlDbType.Date, ct);
            await WriteAsync(copy, p.ValidThrough?.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await WriteAsync(copy, p.SalaryMin, NpgsqlDbType.Numeric, ct);
            await WriteAsync(copy, p.SalaryMax, NpgsqlDbType.Numeric, ct);
            await WriteAsync(copy, p.SalaryCurrency, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.SalaryUnit, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.Qualifications, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.Experience, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, p.ExperienceMonths, NpgsqlDbType.Integer, ct);
            await WriteAsync(copy, p.Education, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(p.SourceJson, NpgsqlDbType.Jsonb, ct);
            if (processed.Embedding is { } vector) await copy.WriteAsync(new Vector(vector), ct);
            else await copy.WriteNullAsync(ct);
            await WriteAsync(copy, processed.EmbeddingModel, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(isDemo || p.IsDemo, NpgsqlDbType.Boolean, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopySkillsAsync(NpgsqlConnection conn, List<ProcessedPosting> batch, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_skills (external_id, skill_id, requirement, level, years, confidence, span_start, span_end, evidence) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var processed in batch)
        foreach (var skill in processed.Skills)
        {
            var span = skill.Spans[0];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(processed.Posting.ExternalId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(skill.SkillId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(Requirement(skill.Requirement), NpgsqlDbType.Text, ct);
            await WriteAsync(copy, skill.Level.Proficiency?.ToString().ToLowerInvariant(), NpgsqlDbType.Text, ct);
            await WriteAsync(copy, (float?)skill.Level.MinYears, NpgsqlDbType.Real, ct);
            await copy.WriteAsync((float)Math.Clamp(skill.Confidence, 0, 1), NpgsqlDbType.Real, ct);
            await copy.WriteAsync(span.Start, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(span.Start + span.Length, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(skill.Sentence, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyOccupationsAsync(NpgsqlConnection conn, List<ProcessedPosting> batch, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_occupations (external_id, occupation_id, rank, score) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var processed in batch)
            for (var rank = 0; rank < processed.Occupations.Count; rank++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(processed.Posting.ExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(processed.Occupations[rank].OccupationId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync((short)(rank + 1), NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync((float)processed.Occupations[rank].Score, NpgsqlDbType.Real, ct);
            }
        await copy.CompleteAsync(ct);
    }

    public static string Requirement(RequirementCue cue) => cue switch
    {
        RequirementCue.Required => "required",
        RequirementCue.Preferred => "preferred",
        _ => "none",
    };

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }
}

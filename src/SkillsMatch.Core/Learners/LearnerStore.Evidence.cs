using Dapper;
using Npgsql;
using SkillsMatch.Extraction;

namespace SkillsMatch.Learners;

public sealed partial class LearnerStore
{
    /// <summary>Stores an experience with the skills inferred from its text; null when there is no such learner.</summary>
    public async Task<LearnerExperience?> AddExperienceAsync(Guid learnerId, ExperienceInput input, CancellationToken ct) =>
        await WriteExperienceAsync(learnerId, null, input, ct);

    /// <summary>Replaces an experience and re-infers its skills; null when the learner has no such experience.</summary>
    public async Task<LearnerExperience?> UpdateExperienceAsync(Guid learnerId, Guid experienceId, ExperienceInput input, CancellationToken ct) =>
        await WriteExperienceAsync(learnerId, experienceId, input, ct);

    public async Task<bool> DeleteExperienceAsync(Guid learnerId, Guid experienceId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM learner_experiences WHERE id = @experienceId AND learner_id = @learnerId", new { learnerId, experienceId }, tx, cancellationToken: ct));
        if (deleted == 0) return false;
        await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Replaces the learner's self-declared skills (tier 1) with <paramref name="skills"/>; false when there is no such learner.</summary>
    public async Task<bool> ReplaceSelfDeclaredAsync(Guid learnerId, IReadOnlyList<SelfDeclaredSkill> skills, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await LockLearnerAsync(conn, tx, learnerId, ct)) return false;
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM learner_skill_evidence WHERE learner_id = @learnerId AND source = 'self';
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, confidence, level)
            SELECT @learnerId, x.skill_id, @tier, 'self', 1, x.level FROM unnest(@skillIds, @levels) x(skill_id, level);
            """, new
            {
                learnerId,
                tier = (short)EvidenceTier.SelfDeclared,
                skillIds = skills.Select(s => s.SkillId).ToArray(),
                levels = skills.Select(s => LevelText(LearnerChecks.ParseLevel(s.Level))).ToArray(),
            }, tx, cancellationToken: ct));
        await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<LearnerExperience?> WriteExperienceAsync(Guid learnerId, Guid? experienceId, ExperienceInput input, CancellationToken ct)
    {
        var kind = input.Kind!.Trim().ToLowerInvariant();
        var title = input.Title!.Trim();
        var description = input.Description?.Trim() ?? "";
        // Extraction (and its sentence embeddings) runs before the transaction opens, so no lock waits on it.
        var taxonomyId = await working.GetIdAsync(ct);
        var found = (await extractor.ExtractAsync(ExperienceText(title, description), taxonomyId, new ExtractionOptions(), ct)).Skills;

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await LockLearnerAsync(conn, tx, learnerId, ct)) return null;
        var row = new
        {
            learnerId, kind, title, description,
            organisation = string.IsNullOrWhiteSpace(input.Organisation) ? null : input.Organisation.Trim(),
            startDate = input.StartDate?.ToDateTime(TimeOnly.MinValue),
            endDate = input.EndDate?.ToDateTime(TimeOnly.MinValue),
        };
        Guid id;
        if (experienceId is { } existing)
        {
            // The update's own row count decides, and the evidence delete is scoped by learner too: an experience id of
            // another learner matches nothing here and changes nothing of hers (issue 15).
            var updated = await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE learner_experiences SET kind = @kind, title = @title, organisation = @organisation, description = @description,
                       start_date = @startDate::date, end_date = @endDate::date
                 WHERE id = @id AND learner_id = @learnerId
                """, new { row.learnerId, row.kind, row.title, row.organisation, row.description, row.startDate, row.endDate, id = existing },
                tx, cancellationToken: ct));
            if (updated == 0) return null;
            await conn.ExecuteAsync(new CommandDefinition(
                "DELETE FROM learner_skill_evidence WHERE experience_id = @id AND learner_id = @learnerId",
                new { row.learnerId, id = existing }, tx, cancellationToken: ct));
            id = existing;
        }
        else
        {
            id = await conn.QuerySingleAsync<Guid>(new CommandDefinition("""
                INSERT INTO learner_experiences (learner_id, kind, title, organisation, description, start_date, end_date)
                VALUES (@learnerId, @kind, @title, @organisation, @description, @startDate::date, @endDate::date) RETURNING id
                """, row, tx, cancellationToken: ct));
        }

        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, experience_id, confidence, level, years, detail,
                                                span_start, span_end, evidenced_at)
            SELECT @learnerId, x.skill_id, @tier, @kind, @id, x.confidence, x.level, x.years, x.detail, x.span_start, x.span_end,
                   coalesce(@endDate::date::timestamptz, now())
              FROM unnest(@skillIds, @confidences, @levels, @years, @details, @starts, @ends)
                   x(skill_id, confidence, level, years, detail, span_start, span_end)
            """, new
            {
                learnerId, id, row.kind, row.endDate,
                tier = (short)EvidenceTier.Inferred,
                skillIds = found.Select(s => s.SkillId).ToArray(),
                confidences = found.Select(s => (float)s.Confidence).ToArray(),
                levels = found.Select(s => LevelText(s.Level.Proficiency)).ToArray(),
                years = found.Select(s => (float?)s.Level.MinYears).ToArray(),
                details = found.Select(s => s.Spans[0].Text).ToArray(),
                starts = found.Select(s => s.Spans[0].Start).ToArray(),
                ends = found.Select(s => s.Spans[0].Start + s.Spans[0].Length).ToArray(),
            }, tx, cancellationToken: ct));
        await summary.RefreshSkillSummaryAsync(conn, tx, learnerId, ct);
        await tx.CommitAsync(ct);

        return new LearnerExperience(id, kind, title, row.organisation, description, input.StartDate, input.EndDate,
            found.Select(s => new InferredSkill(s.SkillId, s.Label, s.Confidence, s.Spans[0].Text, s.Level.Proficiency)).ToList());
    }

    /// <summary>The text skills are inferred from; evidence spans are offsets into it.</summary>
    public static string ExperienceText(string title, string description) => description.Length == 0 ? title : title + "\n" + description;

    private static async Task<bool> LockLearnerAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid learnerId, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM learners WHERE id = @learnerId FOR UPDATE", new { learnerId }, tx, cancellationToken: ct)) is not null;

    private static string? LevelText(Proficiency? level) => level?.ToString().ToLowerInvariant();
}

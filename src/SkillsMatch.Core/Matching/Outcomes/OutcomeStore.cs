using Dapper;
using Npgsql;
using SkillsMatch.Access;

namespace SkillsMatch.Matching.Outcomes;

/// <summary>
/// Every query about recorded outcomes. Who may record or read which outcome is decided in the SQL itself: an employer
/// only for postings their organisation owns and learners who share their skills with employers; a practitioner only
/// for learners on their caseload; an admin for any.
/// </summary>
public sealed class OutcomeStore(NpgsqlDataSource dataSource)
{
    /// <summary>Most outcomes one listing returns, newest first.</summary>
    public const int MaxList = 500;

    public async Task<(long? Id, OutcomeRefusal Refusal)> RecordAsync(Caller caller, NewOutcome outcome, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<RecordRow>(new CommandDefinition("""
            WITH posting AS (SELECT id, owner FROM job_postings WHERE id = @postingId),
                 learner AS (SELECT id, visible_to_employers AND 'skills' = ANY(visible_parts) AS consenting FROM learners WHERE id = @learnerId),
                 allowed AS (
                    SELECT learner.id AS learner_id, posting.id AS posting_id FROM posting, learner
                     WHERE @role = 'admin'
                        OR (@role = 'employer' AND posting.owner = @subject AND learner.consenting)
                        OR (@role = 'practitioner' AND EXISTS (
                            SELECT 1 FROM practitioner_caseload c WHERE c.practitioner = @subject AND c.learner_id = learner.id))),
                 inserted AS (
                    INSERT INTO placement_outcomes (learner_id, posting_id, stage, occurred_on, recorded_role, recorded_by, note)
                    SELECT learner_id, posting_id, @stage, @occurredOn, @role, @subject, @note FROM allowed
                    RETURNING id)
            SELECT (SELECT id FROM inserted) AS id,
                   EXISTS (SELECT 1 FROM posting) AS postingexists,
                   coalesce((SELECT owner = @subject FROM posting), false) AS ownsposting,
                   EXISTS (SELECT 1 FROM learner) AS learnerexists,
                   coalesce((SELECT consenting FROM learner), false) AS consenting
            """, new
        {
            postingId = outcome.PostingId, learnerId = outcome.LearnerId, role = caller.Role.Name(), subject = caller.Subject,
            stage = outcome.Stage, occurredOn = outcome.OccurredOn, note = outcome.Note,
        }, cancellationToken: ct));
        if (row.Id is { } id) return (id, OutcomeRefusal.None);
        if (!row.PostingExists) return (null, OutcomeRefusal.UnknownPosting);
        return caller.Role switch
        {
            Role.Employer when !row.OwnsPosting => (null, OutcomeRefusal.NotYourPosting),
            Role.Practitioner when row.LearnerExists => (null, OutcomeRefusal.NotOnCaseload),
            _ => (null, OutcomeRefusal.UnknownLearner),
        };
    }

    /// <summary>
    /// A posting's outcomes as <paramref name="caller"/> may see them: all for an admin; for the owning employer those of
    /// learners who still share their skills with employers; for a practitioner those of their caseload. Null when there
    /// is no such posting; <see cref="OutcomeRefusal.NotYourPosting"/> for another organisation's employer.
    /// </summary>
    public async Task<(IReadOnlyList<OutcomeRecord>? Outcomes, OutcomeRefusal Refusal)> ForPostingAsync(Caller caller, Guid postingId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var owner = await conn.QuerySingleOrDefaultAsync<(bool Exists, string? Owner)?>(new CommandDefinition(
            "SELECT true, owner FROM job_postings WHERE id = @postingId", new { postingId }, cancellationToken: ct));
        if (owner is null) return (null, OutcomeRefusal.UnknownPosting);
        if (caller.Role == Role.Employer && owner.Value.Owner != caller.Subject) return (null, OutcomeRefusal.NotYourPosting);
        var rows = await conn.QueryAsync<OutcomeRow>(new CommandDefinition($"""
            {Select}
             WHERE o.posting_id = @postingId
               AND (@role = 'admin'
                    OR (@role = 'employer' AND p.owner = @subject AND l.visible_to_employers AND 'skills' = ANY(l.visible_parts))
                    OR (@role = 'practitioner' AND EXISTS (
                        SELECT 1 FROM practitioner_caseload c WHERE c.practitioner = @subject AND c.learner_id = o.learner_id)))
             ORDER BY o.recorded_at DESC, o.id DESC LIMIT {MaxList}
            """, new { postingId, role = caller.Role.Name(), subject = caller.Subject }, cancellationToken: ct));
        return ([.. rows.Select(r => r.ToRecord())], OutcomeRefusal.None);
    }

    /// <summary>The learner's outcomes across postings (the endpoint lets only the learner, their practitioners and admins ask).</summary>
    public async Task<IReadOnlyList<OutcomeRecord>?> ForLearnerAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM learners WHERE id = @learnerId)", new { learnerId }, cancellationToken: ct)))
            return null;
        var rows = await conn.QueryAsync<OutcomeRow>(new CommandDefinition($"""
            {Select}
             WHERE o.learner_id = @learnerId
             ORDER BY o.recorded_at DESC, o.id DESC LIMIT {MaxList}
            """, new { learnerId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>Every posting's graded candidates (withdrawals left out), for training; postings with one graded candidate say nothing about order and are skipped.</summary>
    public async Task<IReadOnlyList<OutcomeGroup>> TrainingGroupsAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(Guid PostingId, Guid LearnerId, string Stage, DateOnly OccurredOn)>(new CommandDefinition(
            "SELECT posting_id, learner_id, stage, occurred_on FROM placement_outcomes ORDER BY posting_id, learner_id", cancellationToken: ct));
        return [.. rows.GroupBy(r => r.PostingId).Select(posting => new OutcomeGroup(posting.Key, [.. posting.GroupBy(r => r.LearnerId)
                .Select(pair => (Learner: pair.Key, Grade: OutcomeStages.GradeOf(pair.Select(r => r.Stage)), Last: pair.Max(r => r.OccurredOn)))
                .Where(pair => pair.Grade is not null)
                .Select(pair => (pair.Learner, pair.Grade!.Value, pair.Last))]))
            .Where(g => g.Candidates.Count >= 2 && g.Candidates.Select(c => c.Grade).Distinct().Count() > 1)];
    }

    private const string Select = """
        SELECT o.id, o.learner_id AS learnerid, o.posting_id AS postingid, p.title AS postingtitle, o.stage, o.occurred_on AS occurredon,
               o.recorded_role AS recordedrole, o.recorded_by AS recordedby, o.note, o.recorded_at AS recordedat
          FROM placement_outcomes o JOIN job_postings p ON p.id = o.posting_id JOIN learners l ON l.id = o.learner_id
        """;

    private sealed record RecordRow(long? Id, bool PostingExists, bool OwnsPosting, bool LearnerExists, bool Consenting);

    private sealed record OutcomeRow(
        long Id, Guid LearnerId, Guid PostingId, string PostingTitle, string Stage, DateOnly OccurredOn, string RecordedRole, string? RecordedBy,
        string? Note, DateTime RecordedAt)
    {
        public OutcomeRecord ToRecord() => new(Id, LearnerId, PostingId, PostingTitle, Stage, OccurredOn, RecordedRole, RecordedBy,
            Note, new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)));
    }
}

using Dapper;
using Npgsql;

namespace SkillsMatch.Matching.Outcomes;

/// <summary>
/// Learners' opt-in, self-identified groups in equity programs, and the only thing read from them: a program's outcomes
/// by group, aggregated, with cells under <see cref="EquityReport.SmallestCell"/> learners suppressed. Nothing in
/// matching, ranking or any employer view reads this table (a test checks the candidates an employer sees do not change).
/// </summary>
public sealed class EquityStore(NpgsqlDataSource dataSource)
{
    private static readonly List<string> StageOrder = ["enrolled", .. OutcomeStages.All];

    /// <summary>Replaces the learner's groups (an empty list opts out of every program); false when there is no such learner.</summary>
    public async Task<bool> ReplaceAsync(Guid learnerId, IReadOnlyList<EquityGroup> groups, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM learners WHERE id = @learnerId FOR UPDATE)", new { learnerId }, tx, cancellationToken: ct)))
            return false;
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM learner_equity_groups WHERE learner_id = @learnerId", new { learnerId }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO learner_equity_groups (learner_id, program, self_identified)
            SELECT @learnerId, program, grp FROM unnest(@programs, @groups) AS g(program, grp)
            """, new { learnerId, programs = groups.Select(g => g.Program).ToArray(), groups = groups.Select(g => g.SelfIdentified).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<EquityGroup>> ForLearnerAsync(Guid learnerId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<EquityGroup>(new CommandDefinition(
            "SELECT program, self_identified AS selfidentified FROM learner_equity_groups WHERE learner_id = @learnerId ORDER BY program",
            new { learnerId }, cancellationToken: ct))];
    }

    /// <summary>
    /// Per self-identified group: how many learners are in the program ("enrolled") and how many reached each stage, counting
    /// a learner once per stage. A cell under <see cref="EquityReport.SmallestCell"/> is suppressed, and so is the program
    /// total whenever a group's enrolment is (it would give the suppressed count away by subtraction).
    /// </summary>
    public async Task<EquityReport> ReportAsync(string program, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<(string Group, string Stage, int Learners)>(new CommandDefinition("""
            SELECT g.self_identified, 'enrolled', count(*)::int FROM learner_equity_groups g WHERE g.program = @program GROUP BY 1
            UNION ALL
            SELECT g.self_identified, o.stage, count(DISTINCT o.learner_id)::int
              FROM learner_equity_groups g JOIN placement_outcomes o ON o.learner_id = g.learner_id
             WHERE g.program = @program GROUP BY 1, 2
            """, new { program }, cancellationToken: ct))).ToList();
        int? Shown(int n) => n < EquityReport.SmallestCell ? null : n;
        var cells = rows.OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => StageOrder.IndexOf(r.Stage))
            .Select(r => new EquityCell(r.Group, r.Stage, Shown(r.Learners))).ToList();
        var enrolled = rows.Where(r => r.Stage == "enrolled").ToList();
        int? total = enrolled.Any(r => r.Learners < EquityReport.SmallestCell) ? null : Shown(enrolled.Sum(r => r.Learners));
        return new EquityReport(program, total, cells,
            $"Learners counted once per stage reached; cells under {EquityReport.SmallestCell} learners are suppressed (null). " +
            "Groups are the learners' own opt-in, self-identified statements.");
    }
}

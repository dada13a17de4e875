namespace SkillsMatch.Matching.Outcomes;

/// <summary>An equity program's outcomes by opt-in self-identified group, aggregated, small cells suppressed.</summary>
public sealed record EquityReport(string Program, int? LearnersInProgram, IReadOnlyList<EquityCell> Cells, string Note)
{
    /// <summary>Cells counting fewer learners than this are suppressed, so no one can be singled out.</summary>
    public const int SmallestCell = 5;
}

namespace SkillsMatch.Matching.Outcomes;

/// <summary>
/// One cell of an equity program's outcome report: how many learners of a self-identified group reached a stage.
/// <paramref name="Learners"/> is null when fewer than <see cref="EquityReport.SmallestCell"/> (suppressed).
/// </summary>
public sealed record EquityCell(string Group, string Stage, int? Learners);

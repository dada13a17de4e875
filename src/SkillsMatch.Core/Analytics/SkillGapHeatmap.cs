namespace SkillsMatch.Analytics;

/// <summary>
/// A cohort's skill gaps: one row per target occupation (the learners aiming at it), one column per skill their target
/// occupations list as essential. A row whose group is smaller than <see cref="LearnerCount.MinLearners"/> is suppressed
/// whole: its size and every cell.
/// </summary>
/// <param name="Skills">The columns: skills the most learners need, most needed first.</param>
public sealed record SkillGapHeatmap(int MinLearners, IReadOnlyList<HeatmapSkill> Skills, IReadOnlyList<HeatmapRow> Rows);

/// <summary>A column of the heatmap.</summary>
public sealed record HeatmapSkill(long SkillId, string Label);

/// <param name="Learners">The learners targeting the occupation (suppressed under the minimum).</param>
/// <param name="Cells">One per column, in the columns' order.</param>
public sealed record HeatmapRow(long OccupationId, string Occupation, LearnerCount Learners, IReadOnlyList<HeatmapCell> Cells);

/// <summary>How many of the row's learners lack the skill. The cell covers the row's whole group, so it is suppressed with its row.</summary>
/// <param name="Needed">Whether the row's occupation lists the skill as essential; the other fields are null when not.</param>
/// <param name="Lacking">Learners of the row without the skill; null when suppressed or not needed.</param>
/// <param name="Share">Lacking ÷ the row's learners (0–1); null when suppressed or not needed.</param>
public sealed record HeatmapCell(long SkillId, bool Needed, bool Suppressed, int? Lacking, double? Share);

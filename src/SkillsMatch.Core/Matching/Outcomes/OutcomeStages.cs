namespace SkillsMatch.Matching.Outcomes;

/// <summary>
/// What can happen to a candidate for a posting, and each stage's relevance grade (0–3, the weak labels' scale) for
/// training: rejected 0, shortlisted 1, interviewed 2, offered and beyond 3. A withdrawal says nothing about fit, so it
/// grades nothing; a pair takes the best grade it reached (interviewed then rejected is still 2: an interview was earned).
/// </summary>
public static class OutcomeStages
{
    public static readonly IReadOnlyList<string> All =
        ["shortlisted", "interviewed", "offered", "hired", "placed", "employed_90_days", "rejected", "withdrew"];

    /// <summary>The stage's grade, or null for a withdrawal.</summary>
    public static int? Grade(string stage) => stage switch
    {
        "rejected" => 0,
        "shortlisted" => 1,
        "interviewed" => 2,
        "offered" or "hired" or "placed" or "employed_90_days" => 3,
        _ => null,
    };

    /// <summary>The pair's grade: the best its stages reached; null when it only withdrew.</summary>
    public static int? GradeOf(IEnumerable<string> stages) =>
        stages.Select(Grade).Where(g => g is not null).Max();
}

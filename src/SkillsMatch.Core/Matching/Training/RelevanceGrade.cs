namespace SkillsMatch.Matching.Training;

/// <summary>
/// Weak-supervision label: how relevant a learner trained as <c>source</c> is to a role of occupation <c>role</c>,
/// graded 0–3 from how the two occupations relate (there is no public labelled learner–job fit set):
/// 3 the same occupation; 2 a close one (skill-profile Jaccard ≥ 0.3, or the same ISCO-08 unit group);
/// 1 some overlap (Jaccard ≥ 0.1, or the same ISCO-08 minor group, its first three digits); 0 otherwise.
/// </summary>
public static class RelevanceGrade
{
    public const double CloseOverlap = 0.3;
    public const double SomeOverlap = 0.1;

    public static int Of(OccupationProfile source, OccupationProfile role, double skillOverlap)
    {
        if (source.Id == role.Id) return 3;
        if (skillOverlap >= CloseOverlap || SameIsco(source, role, 4)) return 2;
        if (skillOverlap >= SomeOverlap || SameIsco(source, role, 3)) return 1;
        return 0;
    }

    private static bool SameIsco(OccupationProfile a, OccupationProfile b, int digits) =>
        a.IscoCode is { Length: >= 4 } x && b.IscoCode is { Length: >= 4 } y && x.AsSpan(0, digits).SequenceEqual(y.AsSpan(0, digits));
}

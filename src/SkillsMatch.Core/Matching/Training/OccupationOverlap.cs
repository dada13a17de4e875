namespace SkillsMatch.Matching.Training;

/// <summary>Skill-profile Jaccard overlap between occupations, through an inverted index (ESCO: ~3,000 occupations).</summary>
public sealed class OccupationOverlap
{
    private readonly Dictionary<long, Dictionary<long, double>> jaccard = [];

    public OccupationOverlap(IReadOnlyList<OccupationProfile> occupations)
    {
        var bySkill = new Dictionary<long, List<long>>();
        var sizes = new Dictionary<long, int>();
        foreach (var occupation in occupations)
        {
            var skills = occupation.Skills.Select(s => s.SkillId).Distinct().ToList();
            sizes[occupation.Id] = skills.Count;
            foreach (var skill in skills)
            {
                if (!bySkill.TryGetValue(skill, out var list)) bySkill[skill] = list = [];
                list.Add(occupation.Id);
            }
        }
        foreach (var occupation in occupations)
        {
            var shared = new Dictionary<long, int>();
            foreach (var skill in occupation.Skills.Select(s => s.SkillId).Distinct())
                foreach (var other in bySkill[skill])
                    if (other != occupation.Id) shared[other] = shared.GetValueOrDefault(other) + 1;
            jaccard[occupation.Id] = shared.ToDictionary(s => s.Key, s => (double)s.Value / (sizes[occupation.Id] + sizes[s.Key] - s.Value));
        }
    }

    public double Of(long a, long b) => a == b ? 1 : jaccard.TryGetValue(a, out var row) ? row.GetValueOrDefault(b) : 0;

    /// <summary>The occupations sharing most skills with <paramref name="id"/>, best first, among those <paramref name="allowed"/>.</summary>
    public IReadOnlyList<long> Closest(long id, int count, Func<long, bool> allowed) =>
        jaccard.TryGetValue(id, out var row)
            ? row.Where(r => allowed(r.Key)).OrderByDescending(r => r.Value).ThenBy(r => r.Key).Take(count).Select(r => r.Key).ToList()
            : [];
}

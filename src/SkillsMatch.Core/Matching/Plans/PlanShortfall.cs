namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Why plans that close nothing close nothing, and the nearest offerings (issue 18, item 6): offerings that teach the
/// gaps but fall outside the learner's language, formats, reach or budget, each with its reason; or, when nothing in the
/// catalog teaches a gap, the offerings teaching skills related to them.
/// </summary>
public static class PlanShortfall
{
    public const int NearestShown = 3;

    public static (string Why, IReadOnlyList<NearOffering> Nearest) Explain(
        IReadOnlyList<SkillGap> gaps, IReadOnlyList<PlanOffering> offerings, IReadOnlyList<PlanOffering> nearby, GapPlanOptions options)
    {
        var gapLabels = gaps.ToDictionary(g => g.SkillId, g => g.Label);
        var teaching = offerings
            .Select(o => (Offering: o, Gaps: o.Teaches.Where(t => t.Confidence >= options.MinConfidence && gapLabels.ContainsKey(t.SkillId))
                .Select(t => gapLabels[t.SkillId]).Distinct().ToList()))
            .Where(x => x.Gaps.Count > 0)
            .OrderByDescending(x => x.Gaps.Count).ThenBy(x => x.Offering.Hours).ThenBy(x => x.Offering.Title, StringComparer.Ordinal)
            .ToList();
        if (teaching.Count > 0)
        {
            var nearest = teaching.Take(NearestShown)
                .Select(x => Near(x.Offering, x.Gaps, string.Join("; ", GapPlanner.Exclusions(x.Offering, options)))).ToList();
            return ($"No offering within your language, formats, reach and budget teaches these skills; {teaching.Count} " +
                    $"offering{(teaching.Count == 1 ? "" : "s")} teach{(teaching.Count == 1 ? "es" : "")} some of them outside those limits.", nearest);
        }
        // Those the learner could take first: within their language, formats, reach and budget.
        var related = nearby.Where(o => o.Teaches.Count > 0)
            .Select(o => (Offering: o, Exclusions: GapPlanner.Exclusions(o, options)))
            .OrderBy(x => x.Exclusions.Count > 0).ThenByDescending(x => x.Offering.Teaches.Count).ThenBy(x => x.Offering.Hours)
            .ThenBy(x => x.Offering.Title, StringComparer.Ordinal)
            .Take(NearestShown)
            .Select(x => Near(x.Offering, x.Offering.Teaches.Select(t => t.Label ?? t.SkillId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                string.Join("; ", ["teaches related skills, not the missing ones", .. x.Exclusions]))).ToList();
        return related.Count > 0
            ? ("No offering in the catalog teaches these skills; the nearest teach related skills.", related)
            : ("No offering in the catalog teaches these skills or any skill related to them.", []);
    }

    private static NearOffering Near(PlanOffering o, IReadOnlyList<string> teaches, string why) =>
        new(o.Id, o.Title, o.Provider, o.Format, o.Language, o.Region, o.Hours, o.CostCad, teaches, why);
}

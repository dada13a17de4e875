namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Microcredential plans that close a learner's skill gaps: the fastest (fewest hours, then lowest cost)
/// and the cheapest (lowest cost, then fewest hours), each closing as much as the catalog and budget allow
/// (essential gaps first, then importance, then count). A weighted set cover: exact with CP-SAT after
/// dominance pruning when small enough, greedy otherwise; each plan says which method produced it.
/// </summary>
public static class GapPlanner
{
    /// <param name="nearby">Offerings teaching skills related to the gaps (not the gaps themselves): named as the nearest
    /// offerings when nothing in the catalog teaches a gap.</param>
    public static GapPlans Plan(IReadOnlyList<SkillGap> gaps, IReadOnlyList<PlanOffering> offerings, GapPlanOptions? options = null,
        IReadOnlyList<PlanOffering>? nearby = null)
    {
        options ??= new GapPlanOptions();
        Validate(gaps, offerings, options);

        var teaches = offerings.Where(o => Admissible(o, options))
            .Select(o => (Offering: o, Skills: o.Teaches.Where(t => t.Confidence >= options.MinConfidence).Select(t => t.SkillId).ToHashSet()))
            .Select(x => (x.Offering, Gaps: gaps.Where(g => x.Skills.Contains(g.SkillId)).ToList()))
            .Where(x => x.Gaps.Count > 0)
            .ToList();
        var taught = teaches.SelectMany(x => x.Gaps).Select(g => g.SkillId).ToHashSet();
        var coverable = gaps.Where(g => taught.Contains(g.SkillId)).ToList();
        var uncoverable = gaps.Where(g => !taught.Contains(g.SkillId)).ToList();

        var index = coverable.Select((g, i) => (g.SkillId, i)).ToDictionary(x => x.SkillId, x => x.i);
        var candidates = Undominated(teaches.Select(x => (x.Offering, Gaps: x.Gaps.Select(g => index[g.SkillId]).Order().ToArray())).ToList());
        var problem = new CoverProblem
        {
            Gaps = coverable,
            GapValues = CoverProblem.ValuesOf(coverable),
            Offerings = [.. candidates.Select(c => c.Offering)],
            Teaches = [.. candidates.Select(c => c.Gaps)],
            Hours = [.. candidates.Select(c => CoverProblem.ScaleHours(c.Offering.Hours))],
            Cents = [.. candidates.Select(c => CoverProblem.ScaleCost(c.Offering.CostCad))],
            HoursBudget = options.MaxTotalHours is { } h ? CoverProblem.ScaleHours(h) : null,
            CentsBudget = options.MaxTotalCost is { } c ? CoverProblem.ScaleCost(c) : null,
        };
        var fastest = Build(problem, PlanGoal.Fastest, gaps, options);
        var cheapest = Build(problem, PlanGoal.Cheapest, gaps, options);
        var (why, nearest) = gaps.Count > 0 && fastest.Closed.Count == 0 && cheapest.Closed.Count == 0
            ? PlanShortfall.Explain(gaps, offerings, nearby ?? [], options)
            : (null, []);
        return new GapPlans(fastest, cheapest, uncoverable, problem.Offerings.Count, why, nearest);
    }

    private static GapPlan Build(CoverProblem problem, PlanGoal goal, IReadOnlyList<SkillGap> gaps, GapPlanOptions options)
    {
        var solution = problem.Offerings.Count == 0 ? new CoverSolution([], PlanMethod.Trivial, true)
            : (problem.Offerings.Count <= options.ExactOfferingLimit ? CpSatCover.Solve(problem, goal, options.ExactTimeLimit) : null)
              ?? GreedyCover.Solve(problem, goal);
        var closedIndices = solution.Chosen.SelectMany(o => problem.Teaches[o]).ToHashSet();
        var closedSkills = closedIndices.Select(g => problem.Gaps[g].SkillId).ToHashSet();
        var planned = solution.Chosen
            .Select(o => new PlannedOffering(problem.Offerings[o], ByImportance(problem.Teaches[o].Select(g => problem.Gaps[g]))))
            .OrderByDescending(p => p.Closes.Count).ThenBy(p => p.Offering.Title, StringComparer.Ordinal)
            .ToList();
        return new GapPlan(
            goal,
            planned,
            ByImportance(problem.Gaps.Where(g => closedSkills.Contains(g.SkillId))),
            ByImportance(gaps.Where(g => !closedSkills.Contains(g.SkillId))),
            gaps.Count,
            planned.Sum(p => p.Offering.Hours),
            planned.Sum(p => p.Offering.CostCad),
            solution.Method,
            solution.ProvenOptimal);
    }

    private static List<SkillGap> ByImportance(IEnumerable<SkillGap> gaps) =>
        [.. gaps.OrderByDescending(g => g.Essential).ThenByDescending(g => g.Importance).ThenBy(g => g.Label, StringComparer.Ordinal)];

    private static bool Admissible(PlanOffering o, GapPlanOptions options) => Exclusions(o, options).Count == 0;

    /// <summary>
    /// Why an offering may not enter a plan; empty when it may. Online offerings are within reach from anywhere; the
    /// region filter applies to in-person and hybrid ones (an offering without a region is given Canada-wide).
    /// </summary>
    internal static List<string> Exclusions(PlanOffering o, GapPlanOptions options)
    {
        var why = new List<string>();
        if (options.Languages is { } languages && !languages.Contains(o.Language))
            why.Add($"taught in {o.Language}, not in {string.Join(" or ", languages.Order())}");
        if (options.Formats is { } formats && !formats.Contains(o.Format))
            why.Add($"{o.Format}, not {string.Join(" or ", formats.Order())}");
        if (o.Format != "online" && options.Regions is { } regions && o.Region is { } region && !regions.Contains(region))
            why.Add($"{o.Format} in {region}, out of reach of {string.Join(" or ", regions.Order())}");
        if (options.QaStatuses is { } qa && !qa.Contains(o.QaStatus)) why.Add($"quality assurance '{o.QaStatus}'");
        if (options.MaxTotalHours is { } hours && o.Hours > hours) why.Add($"{o.Hours:0.#} hours, over the {hours:0.#}-hour budget");
        if (options.MaxTotalCost is { } cost && o.CostCad > cost) why.Add($"{o.CostCad:0.00} CAD, over the {cost:0.00} CAD budget");
        return why;
    }

    /// <summary>
    /// Drops every offering another one dominates: teaches the same gaps or more, at no more hours and no
    /// more cost. Of exact equals the first is kept. No optimal plan of either goal needs a dominated offering.
    /// </summary>
    private static List<(PlanOffering Offering, int[] Gaps)> Undominated(List<(PlanOffering Offering, int[] Gaps)> offerings)
    {
        var words = offerings.Count == 0 ? 0 : (offerings.Max(o => o.Gaps.Max()) >> 6) + 1;
        var sets = offerings.Select(o =>
        {
            var bits = new ulong[words];
            foreach (var g in o.Gaps) bits[g >> 6] |= 1UL << (g & 63);
            return bits;
        }).ToList();
        bool Dominates(int b, int a)
        {
            var (ob, oa) = (offerings[b].Offering, offerings[a].Offering);
            if (ob.Hours > oa.Hours || ob.CostCad > oa.CostCad) return false;
            var equalSets = true;
            for (var w = 0; w < words; w++)
            {
                if ((sets[a][w] & ~sets[b][w]) != 0) return false;
                equalSets &= sets[a][w] == sets[b][w];
            }
            return !(equalSets && ob.Hours == oa.Hours && ob.CostCad == oa.CostCad) || b < a;
        }
        return [.. offerings.Where((_, a) => !Enumerable.Range(0, offerings.Count).Any(b => b != a && Dominates(b, a)))];
    }

    private static void Validate(IReadOnlyList<SkillGap> gaps, IReadOnlyList<PlanOffering> offerings, GapPlanOptions options)
    {
        if (gaps.GroupBy(g => g.SkillId).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"skill {duplicate.Key} is listed as a gap more than once", nameof(gaps));
        if (gaps.FirstOrDefault(g => !double.IsFinite(g.Importance) || g.Importance < 0) is { } badGap)
            throw new ArgumentException($"gap '{badGap.Label}' has importance {badGap.Importance}; it must be a finite number ≥ 0", nameof(gaps));
        if (offerings.FirstOrDefault(o => !double.IsFinite(o.Hours) || o.Hours < 0 || o.CostCad < 0) is { } badOffering)
            throw new ArgumentException($"offering '{badOffering.Id}' needs hours and cost ≥ 0", nameof(offerings));
        if (options.MaxTotalHours is < 0 || options.MaxTotalCost is < 0)
            throw new ArgumentException("plan budgets (max hours, max cost) must be ≥ 0", nameof(options));
        if (options.ExactOfferingLimit < 0)
            throw new ArgumentException("the exact offering limit must be ≥ 0", nameof(options));
    }
}

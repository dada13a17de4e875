using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Npgsql;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Explanation;

/// <summary>
/// Turns scored analyses into explanations, with labels for every skill they mention. Labels are remembered until the
/// taxonomies change (an import), so a warm explainer asks the database nothing.
/// </summary>
public sealed class MatchExplainer(ReadRouting reads, TaxonomyStore taxonomies) : IDisposable
{
    private readonly TaxonomyVersionedCache<ConcurrentDictionary<long, string>> known = new(taxonomies);

    public async Task<IReadOnlyList<MatchExplanation>> ExplainAsync(IReadOnlyList<MatchResult> results, bool showEvidence, CancellationToken ct)
    {
        var ids = results.SelectMany(r => r.Analysis.Requirements)
            .SelectMany(o => o.Partial is { } p ? [o.Requirement.SkillId, p.HeldSkillId] : new[] { o.Requirement.SkillId })
            .Distinct().ToArray();
        var labels = await LabelsAsync(ids, ct);
        return results.Select(r => Explain(r, labels, showEvidence)).ToList();
    }

    private async Task<IReadOnlyDictionary<long, string>> LabelsAsync(long[] ids, CancellationToken ct)
    {
        // A new version gets a new set: a request still filling the old one cannot bring old labels into it.
        var labels = await known.GetAsync(0, _ => Task.FromResult(new ConcurrentDictionary<long, string>()), ct);
        var missing = ids.Where(id => !labels.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            await using var conn = await reads.OpenAsync(ct);
            foreach (var (id, label) in await conn.QueryAsync<(long Id, string Label)>(new CommandDefinition(
                         "SELECT id, preferred_label FROM skills WHERE id = ANY(@missing)", new { missing }, cancellationToken: ct)))
                labels[id] = label;
        }
        return labels;
    }

    public void Dispose() => known.Dispose();

    private static MatchExplanation Explain(MatchResult result, IReadOnlyDictionary<long, string> labels, bool showEvidence)
    {
        var requirements = result.Analysis.Requirements
            .OrderBy(o => o.Requirement.Kind).ThenBy(o => o.Status).ThenByDescending(o => o.Requirement.Importance)
            .Select(o => new RequirementExplanation(
                o.Requirement.SkillId,
                o.Requirement.Label ?? labels.GetValueOrDefault(o.Requirement.SkillId, "skill " + o.Requirement.SkillId),
                o.Requirement.Kind == RequirementKind.Essential ? "essential" : "optional",
                o.Status.ToString().ToLowerInvariant(),
                (o.Held ?? o.PartialSkill) is { } evidence ? TierName(evidence.Tier) : null,
                showEvidence ? (o.Held ?? o.PartialSkill)?.Evidence : null,
                o.Partial is { } p ? new PartialExplanation(p.HeldSkillId, labels.GetValueOrDefault(p.HeldSkillId, "skill " + p.HeldSkillId),
                    p.Kind.ToString().ToLowerInvariant(), Math.Round(p.Similarity, 3)) : null))
            .ToList();
        var all = result.Analysis.Requirements;
        var anyEssential = all.Any(o => o.Requirement.Kind == RequirementKind.Essential);
        // A role that marks nothing essential is scored on everything it lists: the summary says so.
        var essential = anyEssential ? all.Where(o => o.Requirement.Kind == RequirementKind.Essential).ToList() : all.ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{result.Score:0} / 100: holds {essential.Count(o => o.Status == RequirementStatus.Matched)} of {essential.Count} {(anyEssential ? "essential" : "listed (none marked required)")} skills"
            + $" ({essential.Count(o => o.Held?.Tier == Learners.EvidenceTier.CredentialVerified)} credential-verified),"
            + $" {essential.Count(o => o.Status == RequirementStatus.Partial)} through related skills, {essential.Count(o => o.Status == RequirementStatus.Missing)} missing");
        return new MatchExplanation(summary, requirements, result.Contributions.Select(c => c with { Points = Math.Round(c.Points, 2), Features = [.. c.Features.Select(f => f with { Points = Math.Round(f.Points, 2) })] }).ToList());
    }

    public static string TierName(Learners.EvidenceTier tier) => tier switch
    {
        Learners.EvidenceTier.CredentialVerified => "credential-verified",
        Learners.EvidenceTier.Attested => "attested",
        Learners.EvidenceTier.Inferred => "inferred",
        _ => "self-declared",
    };
}

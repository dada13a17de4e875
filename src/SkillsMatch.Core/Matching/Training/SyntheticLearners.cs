using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;

namespace SkillsMatch.Matching.Training;

/// <summary>
/// Samples synthetic learners and roles from occupation skill profiles, with the noise real profiles have:
/// missing skills, extra skills (neighbours in the taxonomy and unrelated ones), mixed tiers, levels and
/// ages of evidence, and "padded" profiles that self-declare a role's skills they were never trained in.
/// Embeddings are unit means of skill vectors. Only skills, never a person's attributes, are generated.
/// </summary>
public sealed class SyntheticLearners(SkillGraph graph, IReadOnlyList<long> allSkillIds, Random random, DateTimeOffset asOf)
{
    private const string Evidence = "synthetic (weak supervision)";
    private const double SelfDeclaredOnlyShare = 0.2;

    /// <summary>
    /// Half the roles ask for every essential skill and most optional ones (an occupation profile); the other half
    /// are posting-sized, 3 to 8 of its essential skills and up to 3 optional ones, as real job ads list.
    /// Some requirements state a level.
    /// </summary>
    public RoleProfile Role(OccupationProfile occupation)
    {
        var requirements = new List<RoleRequirement>();
        var essentials = occupation.Skills.Count(s => s.Kind == RequirementKind.Essential);
        var postingSized = essentials > 3 && random.NextDouble() < 0.5;
        var keepEssential = postingSized ? Math.Min(1, random.Next(3, 9) / (double)essentials) : 1;
        var keepOptional = postingSized ? Math.Min(0.7, random.Next(0, 4) / (double)Math.Max(1, occupation.Skills.Count - essentials)) : 0.7;
        foreach (var skill in occupation.Skills)
        {
            if (random.NextDouble() >= (skill.Kind == RequirementKind.Essential ? keepEssential : keepOptional)) continue;
            var level = random.NextDouble() < 0.3 ? (random.NextDouble() < 0.6 ? Proficiency.Intermediate : Proficiency.Advanced) : (Proficiency?)null;
            requirements.Add(skill with { Level = level });
        }
        var embedding = graph.MeanVector(requirements.Select(r => (r.SkillId, r.Kind == RequirementKind.Essential ? 1.0 : MatchFeatureBuilder.OptionalWeight)));
        return new RoleProfile(requirements, embedding, occupation.Id);
    }

    /// <summary>A learner trained as <paramref name="source"/>; when <paramref name="padFor"/> is given, they also
    /// self-declare (tier 1–2, no credential) a share of that role's essential skills.</summary>
    public LearnerSkills Learner(OccupationProfile source, RoleProfile? padFor = null)
    {
        var keepEssential = Uniform(0.45, 1.05);
        var keepOptional = Uniform(0.15, 0.6);
        // One learner in five has no credential or attestation at all: only self-declared or inferred skills.
        var verifiedPropensity = random.NextDouble() < SelfDeclaredOnlyShare ? -1 : random.NextDouble();
        var skills = new Dictionary<long, LearnerSkill>();
        foreach (var skill in source.Skills)
            if (random.NextDouble() < (skill.Kind == RequirementKind.Essential ? keepEssential : keepOptional))
                skills[skill.SkillId] = Held(skill.SkillId, verifiedPropensity, trained: true);

        var kept = skills.Keys.ToList();
        var extra = random.Next(0, 6);
        for (var i = 0; i < extra; i++)
        {
            var neighbours = kept.Count > 0 ? graph.Neighbours(kept[random.Next(kept.Count)]) : [];
            var skillId = neighbours.Count > 0 && random.NextDouble() < 0.5
                ? neighbours[random.Next(neighbours.Count)].SkillId
                : allSkillIds[random.Next(allSkillIds.Count)];
            skills.TryAdd(skillId, Held(skillId, verifiedPropensity, trained: false));
        }

        if (padFor is not null)
        {
            var padShare = Uniform(0.2, 0.5);
            foreach (var requirement in padFor.Requirements)
                if (requirement.Kind == RequirementKind.Essential && random.NextDouble() < padShare)
                    skills.TryAdd(requirement.SkillId, new LearnerSkill(requirement.SkillId,
                        random.NextDouble() < 0.7 ? EvidenceTier.SelfDeclared : EvidenceTier.Inferred,
                        random.NextDouble() < 0.5 ? Proficiency.Beginner : null, null, asOf.AddDays(-Uniform(0, 6 * 365.25)), CredentialQaStatus.None, Evidence));
        }
        return new LearnerSkills(skills.Values, graph.MeanVector(skills.Keys.Select(id => (id, 1.0))));
    }

    private LearnerSkill Held(long skillId, double verifiedPropensity, bool trained)
    {
        var tier = verifiedPropensity < 0 ? (random.NextDouble() < 0.5 ? EvidenceTier.SelfDeclared : EvidenceTier.Inferred)
            : random.NextDouble() < verifiedPropensity * 0.6 ? EvidenceTier.CredentialVerified
            : random.NextDouble() switch { < 0.35 => EvidenceTier.SelfDeclared, < 0.7 => EvidenceTier.Inferred, _ => EvidenceTier.Attested };
        var qa = tier != EvidenceTier.CredentialVerified ? CredentialQaStatus.None
            : random.NextDouble() switch { < 0.5 => CredentialQaStatus.Accredited, < 0.8 => CredentialQaStatus.Framework, _ => CredentialQaStatus.None };
        var level = trained
            ? random.NextDouble() switch { < 0.15 => Proficiency.Beginner, < 0.55 => Proficiency.Intermediate, < 0.85 => Proficiency.Advanced, _ => Proficiency.Expert }
            : random.NextDouble() < 0.6 ? Proficiency.Beginner : Proficiency.Intermediate;
        var years = ((int)level + 1) * Uniform(0.5, 2.5);
        return new LearnerSkill(skillId, tier, random.NextDouble() < 0.2 ? null : level, years, asOf.AddDays(-Uniform(0, 6 * 365.25)), qa, Evidence);
    }

    private double Uniform(double min, double max) => min + (random.NextDouble() * (max - min));
}

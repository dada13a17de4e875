namespace SkillsMatch.Taxonomy;

public sealed record TaxonomySummary(
    int Id, string Key, string Version, string Name, string Source, string Licence, string? Attribution,
    DateTime ImportedAt, long Skills, long Occupations, long EmbeddedSkills);

public sealed record SkillRef(long Id, string Taxonomy, string ExternalId, string Label, string Type);

/// <summary>How a search hit was found: exact label, alias, prefix, fuzzy (typo-tolerant) or semantic neighbour.</summary>
public sealed record SkillHit(long Id, string Taxonomy, string ExternalId, string Label, string Type, string MatchedLabel, string Match, double Score);

public sealed record SkillDetail(
    long Id, string Taxonomy, string ExternalId, string Label, IReadOnlyList<string> AltLabels, string? Description,
    string Type, string? ReuseLevel,
    IReadOnlyList<SkillRef> Broader, IReadOnlyList<SkillRef> Narrower, IReadOnlyList<RelatedSkill> Related,
    IReadOnlyList<string> Groups, IReadOnlyList<CrosswalkLink> Crosswalk, IReadOnlyList<OccupationNeed> NeededBy);

public sealed record RelatedSkill(long Id, string Taxonomy, string ExternalId, string Label, string Type, string Relation);

public sealed record CrosswalkLink(long Id, string Taxonomy, string ExternalId, string Label, string Method, double Confidence);

public sealed record OccupationNeed(long Id, string Title, string Relation, double? Importance);

public sealed record OccupationHit(long Id, string Taxonomy, string ExternalId, string Title, string? NocCode, string? IscoCode, string? OnetSocCode, string Match, double Score);

public sealed record OccupationDetail(
    long Id, string Taxonomy, string ExternalId, string Title, IReadOnlyList<string> AltTitles, string? Description,
    string? IscoCode, string? OnetSocCode, string? NocCode, string? Sector, IReadOnlyList<ProfileSkill> Skills);

public sealed record ProfileSkill(long Id, string ExternalId, string Label, string Type, string Relation, double? Importance, double? Level);

namespace SkillsMatch.Taxonomy;

/// <summary>
/// A whole taxonomy as read from its published files, before it is stored. Every importer (ESCO, O*NET,
/// our own) produces one; <see cref="TaxonomyWriter"/> stores it in a single transaction. References
/// between records use the taxonomy's own external ids (URIs, codes or slugs).
/// </summary>
public sealed class TaxonomyImport(TaxonomyInfo info)
{
    public TaxonomyInfo Info { get; } = info;
    public List<SkillRecord> Skills { get; } = [];
    public List<SkillGroupRecord> Groups { get; } = [];
    public List<GroupMemberRecord> GroupMembers { get; } = [];
    public List<SkillRelationRecord> SkillRelations { get; } = [];
    public List<OccupationRecord> Occupations { get; } = [];
    public List<OccupationSkillRecord> OccupationSkills { get; } = [];

    /// <summary>Labels in other languages (our taxonomy's skills_fr.tsv and occupations_fr.tsv); stored with the taxonomy.</summary>
    public List<TranslationSet> Translations { get; } = [];
}

/// <summary>Key is the taxonomy family (esco, onet, skillsmatch); a new version is a new taxonomy.</summary>
public sealed record TaxonomyInfo(string Key, string Version, string Name, string Source, string Licence, string? Attribution);

public sealed record SkillRecord(
    string ExternalId,
    string PreferredLabel,
    IReadOnlyList<string> AltLabels,
    string? Description,
    SkillType Type,
    ReuseLevel? Reuse);

public sealed record SkillGroupRecord(string ExternalId, string Label, string? Description, SkillGroupKind Kind, string? ParentExternalId);

public sealed record GroupMemberRecord(string GroupExternalId, string SkillExternalId);

public sealed record SkillRelationRecord(string SkillExternalId, string RelatedExternalId, SkillRelationKind Kind);

public sealed record OccupationRecord(
    string ExternalId,
    string Title,
    IReadOnlyList<string> AltTitles,
    string? Description,
    string? IscoCode,
    string? OnetSocCode,
    string? NocCode,
    string? Sector,
    string? Code = null);

/// <summary>Importance (O*NET IM, 1–5) and Level (O*NET LV, 0–7) where the source gives them.</summary>
public sealed record OccupationSkillRecord(
    string OccupationExternalId,
    string SkillExternalId,
    SkillRequirement Relation,
    float? Importance,
    float? Level);

namespace SkillsMatch.Taxonomy;

public enum SkillType { Skill, Knowledge, Tool, Transversal, Language }

/// <summary>ESCO's reuse levels: how widely a skill applies across occupations and sectors.</summary>
public enum ReuseLevel { Transversal, CrossSector, SectorSpecific, OccupationSpecific }

public enum SkillGroupKind { Group, Collection }

/// <summary>Broader: the skill's parent. Related: symmetric. Essential/Optional: ESCO skill-skill relations. Prerequisite: the skill needs the other.</summary>
public enum SkillRelationKind { Broader, Related, Essential, Optional, Prerequisite }

public enum SkillRequirement { Essential, Optional }

/// <summary>The words the database and the files use for these values.</summary>
public static class SkillKindNames
{
    public static string ToName(this SkillType type) => type switch
    {
        SkillType.Skill => "skill",
        SkillType.Knowledge => "knowledge",
        SkillType.Tool => "tool",
        SkillType.Transversal => "transversal",
        SkillType.Language => "language",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string ToName(this ReuseLevel level) => level switch
    {
        ReuseLevel.Transversal => "transversal",
        ReuseLevel.CrossSector => "cross-sector",
        ReuseLevel.SectorSpecific => "sector-specific",
        ReuseLevel.OccupationSpecific => "occupation-specific",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string ToName(this SkillRelationKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToName(this SkillRequirement requirement) => requirement.ToString().ToLowerInvariant();

    public static string ToName(this SkillGroupKind kind) => kind.ToString().ToLowerInvariant();

    public static SkillType? ParseSkillType(string value) => value switch
    {
        "skill" => SkillType.Skill,
        "knowledge" => SkillType.Knowledge,
        "tool" => SkillType.Tool,
        "transversal" => SkillType.Transversal,
        "language" => SkillType.Language,
        _ => null,
    };

    public static ReuseLevel? ParseReuseLevel(string value) => value switch
    {
        "transversal" => ReuseLevel.Transversal,
        "cross-sector" => ReuseLevel.CrossSector,
        "sector-specific" => ReuseLevel.SectorSpecific,
        "occupation-specific" => ReuseLevel.OccupationSpecific,
        _ => null,
    };
}

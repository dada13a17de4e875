namespace SkillsMatch.Matching;

/// <summary>How a skill the learner holds relates to a skill the role asks for.</summary>
public enum SkillRelationKind
{
    /// <summary>The held skill is broader than the required one (holds "spreadsheets", asked "Microsoft Excel").</summary>
    Broader,
    /// <summary>The held skill is narrower (holds "Microsoft Excel", asked "spreadsheets").</summary>
    Narrower,
    /// <summary>A related, prerequisite or ESCO essential/optional skill-skill link.</summary>
    Related,
    /// <summary>A crosswalk link between taxonomies.</summary>
    Crosswalk,
    /// <summary>No link in the taxonomy, but close skill vectors.</summary>
    Similar,
}

/// <summary>Credit for a required skill the learner lacks, through a skill they hold.</summary>
public sealed record PartialCredit(long HeldSkillId, SkillRelationKind Kind, double Similarity);

/// <summary>One link of the taxonomy graph as stored: for Broader, <paramref name="From"/>'s parent is <paramref name="To"/>.</summary>
public sealed record SkillEdge(long From, long To, SkillRelationKind Kind, double? Confidence = null);

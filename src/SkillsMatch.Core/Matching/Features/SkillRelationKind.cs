namespace SkillsMatch.Matching.Features;

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

namespace SkillsMatch.Credentials;

/// <summary>
/// Quality metadata an achievement may carry. OB 3.0 Achievement gives <c>creditsAvailable</c>, <c>fieldOfStudy</c>,
/// <c>specialization</c> and <c>resultDescription</c>; hours, assessment type, level and stackability have no
/// standard property, so common extension keys are read. Anything absent stays null.
/// </summary>
public sealed record MicrocredentialMetadata
{
    public double? CreditsAvailable { get; init; }
    public string? FieldOfStudy { get; init; }
    public string? Specialization { get; init; }
    public double? Hours { get; init; }
    public string? AssessmentType { get; init; }
    public string? Level { get; init; }
    public bool? Stackable { get; init; }

    /// <summary>Names (or ids) of the issuers of embedded endorsements.</summary>
    public IReadOnlyList<string> Endorsers { get; init; } = [];

    /// <summary>OB 3.0 <c>ResultDescription</c> names (what was assessed and how).</summary>
    public IReadOnlyList<string> ResultDescriptions { get; init; } = [];
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Learners;

/// <summary>A learner as stored: identity, where and how they want to work, target roles, consent, experiences.</summary>
public sealed record LearnerProfile(
    Guid Id, string? ExternalRef, string DisplayName, string? Email, string? Region, string? City, string RemotePreference,
    IReadOnlyList<TargetOccupation> TargetOccupations, LearnerConsent Consent, IReadOnlyList<LearnerExperience> Experiences,
    bool IsDemo, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, LearnerPreferences? Preferences = null);

/// <summary>Where the learner will work and how they will learn; null lists mean "not said" (defaults: docs/matching.md).</summary>
/// <param name="WillingToRelocate">Roles anywhere, not only onsite and hybrid ones in their region.</param>
/// <param name="Languages">Languages of instruction plans may use: en, fr.</param>
/// <param name="LearningFormats">Formats plans may use: online, in-person, hybrid.</param>
public sealed record LearnerPreferences(bool WillingToRelocate, IReadOnlyList<string>? Languages, IReadOnlyList<string>? LearningFormats);

public sealed record TargetOccupation(long Id, string ExternalId, string Title);

/// <summary>Whether employers find the learner at all, and which parts of the profile they then see.</summary>
/// <param name="Parts">Any of skills, credentials, experience, education, contact.</param>
public sealed record LearnerConsent(bool VisibleToEmployers, IReadOnlyList<string> Parts)
{
    public static readonly IReadOnlyList<string> KnownParts = ["skills", "credentials", "experience", "education", "contact"];
}

/// <summary>A job, placement or programme as the learner wrote it, with the skills inferred from its text.</summary>
public sealed record LearnerExperience(
    Guid Id, string Kind, string Title, string? Organisation, string Description, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<InferredSkill> InferredSkills);

public sealed record InferredSkill(long SkillId, string Label, double Confidence, string? MatchedText, Proficiency? Level);

/// <summary>What a client sends to create or replace a profile.</summary>
/// <param name="Region">ISO 3166-2 ('CA-ON'), a postal abbreviation ('ON') or a name ('Ontario', 'Québec').</param>
/// <param name="RemotePreference">onsite, hybrid, remote or any (default).</param>
/// <param name="TargetOccupations">Occupations of the working taxonomy, by id or external id.</param>
/// <param name="WillingToRelocate">true: matches include onsite and hybrid roles outside the learner's region (default false).</param>
/// <param name="Languages">Languages the learner can study in (en, fr); plans use only these. Absent: see docs/matching.md.</param>
/// <param name="LearningFormats">Formats the learner accepts (online, in-person, hybrid); absent: all, in-person only within reach.</param>
public sealed record LearnerInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? DisplayName,
    [property: StringLength(320)] string? Email,
    [property: StringLength(100)] string? Region,
    [property: StringLength(200)] string? City,
    string? RemotePreference,
    [property: JsonConverter(typeof(StringOrNumberListConverter)), MaxLength(20)] IReadOnlyList<string>? TargetOccupations,
    ConsentInput? Consent,
    [property: StringLength(200)] string? ExternalRef = null,
    bool? WillingToRelocate = null,
    [property: MaxLength(2)] IReadOnlyList<string>? Languages = null,
    [property: MaxLength(3)] IReadOnlyList<string>? LearningFormats = null);

public sealed record ConsentInput(bool VisibleToEmployers, [property: MaxLength(10)] IReadOnlyList<string>? Parts);

/// <summary>An experience or education entry; skills are inferred from its title and description.</summary>
/// <param name="Kind">experience or education.</param>
public sealed record ExperienceInput(
    [property: Required] string? Kind,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Title,
    [property: StringLength(300)] string? Organisation,
    [property: StringLength(LearnerChecks.MaxDescriptionLength)] string? Description,
    DateOnly? StartDate,
    DateOnly? EndDate);

/// <summary>A skill the learner says they have: a skill id of the working taxonomy and an optional level.</summary>
public sealed record SelfDeclaredSkill(long SkillId, string? Level);

public sealed record SelfDeclaredSkills([property: Required, MaxLength(500)] IReadOnlyList<SelfDeclaredSkill>? Skills);

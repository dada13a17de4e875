using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Catalog;

/// <summary>
/// A microcredential a learner can take: who offers it, what it costs and how it is delivered, and the skills it
/// teaches in the working taxonomy. <see cref="Issuer"/> is the trust registry's entry for <see cref="IssuerUri"/>, when there is one.
/// </summary>
/// <param name="QualityAssurance">The quality assurance that counts: the claim when the trust registry backs it, else none (<see cref="QualityAssuranceRule"/>).</param>
/// <param name="ClaimedQualityAssurance">What the provider declared: accredited, framework-aligned, industry-endorsed or none.</param>
/// <param name="QualityAssuranceBasis">trust-registry (the claim counts), self-declared (it does not) or none (nothing claimed).</param>
public sealed record CatalogOffering(
    Guid Id, string ExternalId, string Title, string Provider, string? IssuerUri, JsonElement? Issuer, string Description, string? Url,
    decimal? Hours, decimal? Cost, string Currency, string Format, string Language, string? Region, IReadOnlyList<string> StackableInto,
    string QualityAssurance, string ClaimedQualityAssurance, string QualityAssuranceBasis, bool IsDemo, IReadOnlyList<OfferingSkill> Skills,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <param name="Source">alignment (stated by the provider) or extracted (found in the title and description).</param>
public sealed record OfferingSkill(long SkillId, string ExternalId, string Label, string Source, double Confidence);

/// <summary>An offering as a client or an import file sends it.</summary>
/// <param name="Skills">Explicit alignments: skill ids, external ids, labels, or another taxonomy's URIs (e.g. ESCO) crosswalked to the working taxonomy. When empty, skills are extracted from title and description.</param>
/// <param name="Format">online, in-person or hybrid.</param>
/// <param name="Language">en or fr (English, French, français also accepted).</param>
/// <param name="Region">A province or territory ('CA-ON', 'Ontario') or 'CA' for Canada-wide.</param>
/// <param name="StackableInto">External ids of larger offerings, or names of credentials, this one counts toward.</param>
/// <param name="QualityAssurance">accredited, framework-aligned, industry-endorsed or none: a claim, counted only when the trust registry backs it.</param>
public sealed record CatalogOfferingInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? ExternalId,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Title,
    [property: Required, StringLength(200, MinimumLength = 1)] string? Provider,
    [property: StringLength(500)] string? IssuerUri = null,
    [property: StringLength(CatalogChecks.MaxDescriptionLength)] string? Description = null,
    [property: StringLength(1000)] string? Url = null,
    decimal? Hours = null,
    decimal? Cost = null,
    string? Currency = null,
    string? Format = null,
    string? Language = null,
    [property: StringLength(100)] string? Region = null,
    [property: MaxLength(50)] IReadOnlyList<string>? StackableInto = null,
    string? QualityAssurance = null,
    [property: JsonConverter(typeof(StringOrNumberListConverter)), MaxLength(100)] IReadOnlyList<string>? Skills = null);

/// <summary>GET /catalog filters. <see cref="Skill"/>: a skill id, external id or label of the working taxonomy.</summary>
public sealed record CatalogQuery(
    [property: StringLength(200)] string? Q,
    [property: StringLength(300)] string? Skill,
    string? Format,
    string? Language,
    [property: Range(0, 1_000_000)] decimal? MaxCost,
    [property: Range(1, 200)] int? Limit,
    [property: Range(0, int.MaxValue)] int? Offset);

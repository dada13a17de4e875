using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Catalog;

/// <summary>
/// Checks and normalises offerings before anything is stored, naming every wrong field, and settles the skills
/// each teaches: its explicit alignments resolved in the working taxonomy, or else the skills extracted from its text.
/// </summary>
public sealed class CatalogChecks(TaxonomyStore taxonomies, WorkingTaxonomy working, SkillExtractor extractor)
{
    public const int MaxDescriptionLength = 20_000;

    public static readonly IReadOnlyList<string> Formats = ["online", "in-person", "hybrid"];
    /// <summary>Strongest first; industry-endorsed: an employer or industry body reviewed the offering (migration 0009).</summary>
    public static readonly IReadOnlyList<string> QualityAssurances = ["accredited", "framework-aligned", "industry-endorsed", "none"];

    private static readonly Dictionary<string, string> FormatAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["online"] = "online", ["virtual"] = "online", ["remote"] = "online",
        ["in-person"] = "in-person", ["in person"] = "in-person", ["inperson"] = "in-person", ["in_person"] = "in-person", ["classroom"] = "in-person",
        ["hybrid"] = "hybrid", ["blended"] = "hybrid",
    };

    private static readonly Dictionary<string, string> LanguageAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en", ["eng"] = "en", ["english"] = "en", ["anglais"] = "en",
        ["fr"] = "fr", ["fra"] = "fr", ["fre"] = "fr", ["french"] = "fr", ["français"] = "fr", ["francais"] = "fr",
    };

    public async Task<(PreparedOffering? Offering, InputErrors Errors)> PrepareAsync(CatalogOfferingInput input, CancellationToken ct) =>
        (await PrepareManyAsync([input], ct))[0];

    /// <summary>Every offering checked, with all alignments resolved in one query; an offering with errors comes back without a value.</summary>
    public async Task<IReadOnlyList<(PreparedOffering? Offering, InputErrors Errors)>> PrepareManyAsync(
        IReadOnlyList<CatalogOfferingInput> inputs, CancellationToken ct)
    {
        var taxonomyId = await working.GetIdAsync(ct);
        var resolved = await taxonomies.ResolveSkillsAsync(taxonomyId, inputs.SelectMany(i => i.Skills ?? []), ct);
        var prepared = new List<(PreparedOffering?, InputErrors)>(inputs.Count);
        foreach (var input in inputs)
        {
            var (offering, errors) = Check(input, resolved);
            if (offering is not null && offering.Skills.Count == 0)
                offering = offering with { Skills = await ExtractAsync(offering, taxonomyId, ct) };
            prepared.Add((offering, errors));
        }
        return prepared;
    }

    public static string? NormalizeFormat(string? format) =>
        format is null ? null : FormatAliases.GetValueOrDefault(format.Trim());

    public static string? NormalizeLanguage(string? language) =>
        language is null ? null : LanguageAliases.GetValueOrDefault(language.Trim());

    private (PreparedOffering?, InputErrors) Check(CatalogOfferingInput input, IReadOnlyDictionary<string, long> resolvedSkills)
    {
        var errors = new InputErrors();
        var externalId = input.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId)) errors.Add("externalId", "An external id is required.");
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add("title", "A title is required.");
        var provider = input.Provider?.Trim();
        if (string.IsNullOrEmpty(provider)) errors.Add("provider", "A provider is required.");
        var description = input.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
            errors.Add("description", $"The description has {description.Length:N0} characters; the limit is {MaxDescriptionLength:N0}.");

        var issuerUri = Blank(input.IssuerUri);
        if (issuerUri is not null && !Uri.TryCreate(issuerUri, UriKind.Absolute, out _))
            errors.Add("issuerUri", $"'{issuerUri}' is not an absolute URI (an https URL or a DID).");
        var url = Blank(input.Url);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsedUrl) && parsedUrl.Scheme is "http" or "https"))
            errors.Add("url", $"'{url}' is not an http(s) URL.");
        if (input.Hours is < 0 or > 10_000) errors.Add("hours", $"{input.Hours} hours is outside 0–10,000.");
        if (input.Cost is < 0 or > 1_000_000) errors.Add("cost", $"{input.Cost} is outside 0–1,000,000 CAD.");
        if (Blank(input.Currency) is { } currency && !currency.Equals("CAD", StringComparison.OrdinalIgnoreCase))
            errors.Add("currency", $"'{currency}' is not supported; costs are in CAD.");

        var format = NormalizeFormat(input.Format);
        if (format is null)
            errors.Add("format", input.Format is null ? "A format is required: online, in-person or hybrid." : $"'{input.Format}' is not one of {string.Join(", ", Formats)}.");
        var language = NormalizeLanguage(input.Language);
        if (language is null)
            errors.Add("language", input.Language is null ? "A language is required: en or fr." : $"'{input.Language}' is not a supported language (en or fr).");
        string? region = null;
        if (Blank(input.Region) is { } regionText)
        {
            region = CanadianRegions.Normalize(regionText, allowCountry: true);
            if (region is null) errors.Add("region", $"'{regionText}' is not a Canadian province or territory (e.g. CA-ON, Ontario) or CA for Canada-wide.");
        }
        var quality = Blank(input.QualityAssurance)?.ToLowerInvariant() ?? "none";
        if (!QualityAssurances.Contains(quality))
            errors.Add("qualityAssurance", $"'{input.QualityAssurance}' is not one of {string.Join(", ", QualityAssurances)}.");

        var stackable = (input.StackableInto ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var skills = new List<PreparedSkill>();
        var alignments = input.Skills ?? [];
        for (var i = 0; i < alignments.Count; i++)
        {
            if (resolvedSkills.TryGetValue(alignments[i], out var skillId))
            {
                if (skills.All(s => s.SkillId != skillId)) skills.Add(new PreparedSkill(skillId, "alignment", 1f));
            }
            else errors.Add($"skills[{i}]", $"'{alignments[i]}' is not a skill (id, external id, label or crosswalked URI) of the working taxonomy '{working.Reference}'.");
        }

        if (errors.Any) return (null, errors);
        return (new PreparedOffering(externalId!, title!, provider!, issuerUri, description, url, input.Hours, input.Cost, format!, language!,
            region, stackable, quality, IsDemo: false, skills), errors);
    }

    private async Task<IReadOnlyList<PreparedSkill>> ExtractAsync(PreparedOffering offering, int taxonomyId, CancellationToken ct)
    {
        var text = offering.Description.Length == 0 ? offering.Title : offering.Title + "\n" + offering.Description;
        var found = await extractor.ExtractAsync(text, taxonomyId, new ExtractionOptions(), ct);
        return found.Skills.Select(s => new PreparedSkill(s.SkillId, "extracted", (float)s.Confidence)).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An offering that passed <see cref="CatalogChecks"/>, with the skills it teaches settled.</summary>
public sealed record PreparedOffering(
    string ExternalId, string Title, string Provider, string? IssuerUri, string Description, string? Url, decimal? Hours, decimal? Cost,
    string Format, string Language, string? Region, string[] StackableInto, string QualityAssurance, bool IsDemo,
    IReadOnlyList<PreparedSkill> Skills);

public sealed record PreparedSkill(long SkillId, string Source, float Confidence);

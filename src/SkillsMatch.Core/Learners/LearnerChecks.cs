using System.Net.Mail;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Learners;

/// <summary>
/// Checks and normalises what clients send about learners, naming every field that is wrong, before anything
/// is written: regions become ISO 3166-2 codes, target occupations and skills are resolved in the working taxonomy.
/// </summary>
public sealed class LearnerChecks(TaxonomyStore taxonomies, WorkingTaxonomy working)
{
    public const int MaxDescriptionLength = 20_000;

    public static readonly IReadOnlyList<string> RemotePreferences = ["onsite", "hybrid", "remote", "any"];
    public static readonly IReadOnlyList<string> ExperienceKinds = ["experience", "education"];
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];
    public static readonly IReadOnlyList<string> LearningFormats = ["online", "in-person", "hybrid"];

    /// <summary>The distinct known values, lower-cased; null when none were sent (the learner has not said).</summary>
    private static string[]? Checked(IReadOnlyList<string>? values, IReadOnlyList<string> known, string field, InputErrors errors)
    {
        if (values is null) return null;
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim().ToLowerInvariant() ?? "";
            if (!known.Contains(value)) errors.Add($"{field}[{i}]", $"'{values[i]}' is not one of {string.Join(", ", known)}.");
            else if (!result.Contains(value)) result.Add(value);
        }
        return [.. result];
    }

    public async Task<(CheckedLearner? Learner, InputErrors Errors)> CheckProfileAsync(LearnerInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("displayName", "A display name is required.");
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && !(MailAddress.TryCreate(email, out var parsed) && parsed.Address == email))
            errors.Add("email", $"'{email}' is not an email address.");

        string? region = null;
        if (!string.IsNullOrWhiteSpace(input.Region))
        {
            region = CanadianRegions.Normalize(input.Region);
            if (region is null)
                errors.Add("region", $"'{input.Region}' is not a Canadian province or territory; send an ISO 3166-2 code such as CA-ON, 'ON' or 'Ontario'.");
        }

        var remote = string.IsNullOrWhiteSpace(input.RemotePreference) ? "any" : input.RemotePreference.Trim().ToLowerInvariant();
        if (!RemotePreferences.Contains(remote))
            errors.Add("remotePreference", $"'{input.RemotePreference}' is not one of {string.Join(", ", RemotePreferences)}.");

        var targets = input.TargetOccupations ?? [];
        var occupationIds = new List<long>();
        if (targets.Count > 0)
        {
            var taxonomyId = await working.GetIdAsync(ct);
            var resolved = await taxonomies.ResolveOccupationsAsync(taxonomyId, targets, ct);
            for (var i = 0; i < targets.Count; i++)
            {
                if (resolved.TryGetValue(targets[i], out var id)) { if (!occupationIds.Contains(id)) occupationIds.Add(id); }
                else errors.Add($"targetOccupations[{i}]", $"'{targets[i]}' is not an occupation (id, external id or title) of the working taxonomy '{working.Reference}'.");
            }
        }

        var parts = CheckConsentParts(input.Consent?.Parts ?? (input.Consent is null ? ["skills"] : []), errors, "consent.parts");

        var languages = Checked(input.Languages, Languages, "languages", errors);
        var formats = Checked(input.LearningFormats, LearningFormats, "learningFormats", errors);

        if (errors.Any) return (null, errors);
        return (new CheckedLearner(name!, email, region, Blank(input.City), remote, occupationIds.ToArray(),
            input.Consent?.VisibleToEmployers ?? false, parts.ToArray(), Blank(input.ExternalRef), IsDemo: false,
            input.WillingToRelocate ?? false, languages, formats), errors);
    }

    /// <summary>The consent's parts, known, lower-cased and each once; an unknown part is named in <paramref name="errors"/>.</summary>
    public static List<string> CheckConsentParts(IReadOnlyList<string> requested, InputErrors errors, string field = "parts")
    {
        var parts = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var part = requested[i]?.Trim().ToLowerInvariant() ?? "";
            if (!LearnerConsent.KnownParts.Contains(part))
                errors.Add($"{field}[{i}]", $"'{requested[i]}' is not a profile part; use {string.Join(", ", LearnerConsent.KnownParts)}.");
            else if (!parts.Contains(part)) parts.Add(part);
        }
        return parts;
    }

    public static InputErrors CheckExperience(ExperienceInput input)
    {
        var errors = new InputErrors();
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !ExperienceKinds.Contains(kind))
            errors.Add("kind", $"'{input.Kind}' is not one of {string.Join(", ", ExperienceKinds)}.");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "A title is required.");
        if (input.Description is { Length: > MaxDescriptionLength })
            errors.Add("description", $"The description has {input.Description.Length:N0} characters; the limit is {MaxDescriptionLength:N0}.");
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
            errors.Add("endDate", $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
        return errors;
    }

    public async Task<InputErrors> CheckSelfDeclaredAsync(IReadOnlyList<SelfDeclaredSkill> skills, CancellationToken ct)
    {
        var errors = new InputErrors();
        var taxonomyId = await working.GetIdAsync(ct);
        var known = await taxonomies.ResolveSkillsAsync(taxonomyId, skills.Select(s => s.SkillId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        var seen = new HashSet<long>();
        for (var i = 0; i < skills.Count; i++)
        {
            var skill = skills[i];
            if (!known.TryGetValue(skill.SkillId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var id) || id != skill.SkillId)
                errors.Add($"skills[{i}].skillId", $"{skill.SkillId} is not a skill id of the working taxonomy '{working.Reference}'.");
            else if (!seen.Add(skill.SkillId))
                errors.Add($"skills[{i}].skillId", $"Skill {skill.SkillId} is listed twice.");
            if (skill.Level is not null && ParseLevel(skill.Level) is null)
                errors.Add($"skills[{i}].level", $"'{skill.Level}' is not one of beginner, intermediate, advanced, expert.");
        }
        return errors;
    }

    public static Proficiency? ParseLevel(string? level) =>
        Enum.TryParse<Proficiency>(level?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, out _) ? parsed : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A profile that passed <see cref="LearnerChecks"/>, ready to store.</summary>
public sealed record CheckedLearner(
    string DisplayName, string? Email, string? Region, string? City, string RemotePreference, long[] TargetOccupationIds,
    bool VisibleToEmployers, string[] VisibleParts, string? ExternalRef, bool IsDemo,
    bool WillingToRelocate = false, string[]? Languages = null, string[]? LearningFormats = null);

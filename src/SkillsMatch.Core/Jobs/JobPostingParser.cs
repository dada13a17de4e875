using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SkillsMatch.Jobs;

/// <summary>
/// Reads schema.org JobPosting JSON (https://schema.org/JobPosting, in the shapes Google's job-posting
/// structured data allows) into a <see cref="JobPosting"/>. Every field problem is collected, so one
/// answer names all of them; a posting with any error is not returned.
/// </summary>
public static partial class JobPostingParser
{
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 100_000;

    public static JobPostingParse Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException ex) { return Failed(new FieldError("$", "not valid JSON" + SkillsMatch.Credentials.Formats.Json.Where(ex))); }
        using (document) return Parse(document.RootElement, json);
    }

    public static JobPostingParse Parse(JsonElement root, string sourceJson)
    {
        if (root.ValueKind != JsonValueKind.Object) return Failed(new FieldError("$", "expected a JobPosting object"));
        var errors = new List<FieldError>();
        if (Get(root, "@type") is { } type && !TypeNames(type).Contains("JobPosting"))
            errors.Add(new FieldError("@type", $"expected JobPosting, got {type.GetRawText()}"));

        var title = RequiredText(root, "title", MaxTitleLength, errors);
        var description = RequiredText(root, "description", MaxDescriptionLength, errors);
        var (region, city, hasPlace) = ReadLocation(root, errors);
        var remote = ReadRemote(root, description, errors);
        var (min, max, currency, unit) = ReadSalary(root, errors);
        var (experience, months) = ReadExperience(root, errors);
        var posting = new JobPosting
        {
            ExternalId = ReadIdentifier(root, errors) ?? "",
            Title = title ?? "",
            Description = description ?? "",
            Employer = NameOf(root, "hiringOrganization", errors),
            EmploymentType = TextList(root, "employmentType", errors).Select(t => t.ToUpperInvariant().Replace(' ', '_')).ToList(),
            Region = region,
            City = city,
            Remote = remote == RemoteMode.Remote && hasPlace && Hybrid().IsMatch(description ?? "") ? RemoteMode.Hybrid : remote,
            DatePosted = ReadDate(root, "datePosted", errors) is { } posted ? DateOnly.FromDateTime(posted.UtcDateTime) : null,
            ValidThrough = ReadDate(root, "validThrough", errors, endOfDay: true),
            SalaryMin = min,
            SalaryMax = max,
            SalaryCurrency = currency,
            SalaryUnit = unit,
            Skills = JoinLines(TextList(root, "skills", errors)),
            Qualifications = JoinLines(TextList(root, "qualifications", errors)),
            Experience = experience,
            ExperienceMonths = months,
            Education = JoinLines(TextList(root, "educationRequirements", errors)),
            SourceJson = sourceJson,
        };
        if (errors.Count > 0) return new JobPostingParse(null, errors);
        // Without an identifier, the same title, employer and text are the same posting, so re-posting it updates.
        if (posting.ExternalId == "")
            posting = posting with { ExternalId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{posting.Title}\n{posting.Employer}\n{posting.Description}")))[..32] };
        return new JobPostingParse(posting, []);
    }

    private static JobPostingParse Failed(FieldError error) => new(null, [error]);

    private static JsonElement? Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static IEnumerable<string> TypeNames(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => [type.GetString()!],
        JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
        _ => [],
    };

    private static string? RequiredText(JsonElement root, string field, int maxLength, List<FieldError> errors)
    {
        var value = Get(root, field);
        if (value is null) { errors.Add(new FieldError(field, "is required")); return null; }
        if (value.Value.ValueKind != JsonValueKind.String) { errors.Add(new FieldError(field, $"expected text, got {Kind(value.Value)}")); return null; }
        var text = HtmlText.ToText(value.Value.GetString()!);
        if (text.Length == 0) { errors.Add(new FieldError(field, "is empty")); return null; }
        if (text.Length > maxLength) { errors.Add(new FieldError(field, $"has {text.Length:N0} characters; the limit is {maxLength:N0}")); return null; }
        return text;
    }

    private static string? ReadIdentifier(JsonElement root, List<FieldError> errors)
    {
        if (Get(root, "identifier") is not { } id) return null;
        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            JsonValueKind.Object => Scalar(Get(id, "value")) ?? Scalar(Get(id, "@id")) ?? Scalar(Get(id, "name")),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError("identifier", "expected text or a PropertyValue with a value"));
            return null;
        }
        // A PropertyValue's propertyID names the issuing system, so "acme:123" and "workbc:123" stay distinct.
        var system = id.ValueKind == JsonValueKind.Object ? Scalar(Get(id, "propertyID")) : null;
        return string.IsNullOrWhiteSpace(system) ? text.Trim() : $"{system.Trim()}:{text.Trim()}";
    }

    private static string? Scalar(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static string? NameOf(JsonElement root, string field, List<FieldError> errors)
    {
        if (Get(root, field) is not { } value) return null;
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : Scalar(Get(value, "name"));
        if (string.IsNullOrWhiteSpace(name)) { errors.Add(new FieldError(field, "expected a name or an Organization with a name")); return null; }
        return name.Trim();
    }

    /// <summary>Text, an array of texts, or objects (DefinedTerm, credential, requirement) read by name/description.</summary>
    private static List<string> TextList(JsonElement root, string field, List<FieldError> errors)
    {
        var items = new List<string>();
        if (Get(root, field) is not { } value) return items;
        var elements = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            var text = e.ValueKind == JsonValueKind.String ? e.GetString()
                : e.ValueKind == JsonValueKind.Object ? JoinNonEmpty(Scalar(Get(e, "name")) ?? Scalar(Get(e, "credentialCategory")), Scalar(Get(e, "description")))
                : null;
            if (text is null)
            {
                var where = value.ValueKind == JsonValueKind.Array ? $"{field}[{i}]" : field;
                errors.Add(new FieldError(where, $"expected text or an object with a name, got {Kind(e)}"));
                continue;
            }
            text = HtmlText.ToText(text);
            if (text.Length > 0) items.Add(text);
        }
        return items;
    }

    private static string? JoinNonEmpty(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? b : string.IsNullOrWhiteSpace(b) || b == a ? a : $"{a}: {b}";

    private static string? JoinLines(List<string> items) => items.Count == 0 ? null : string.Join("\n", items);

    private static (string? Text, int? Months) ReadExperience(JsonElement root, List<FieldError> errors)
    {
        if (Get(root, "experienceRequirements") is not { } value) return (null, null);
        int? months = null;
        var texts = new List<string>();
        foreach (var e in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
        {
            if (e.ValueKind == JsonValueKind.String) { texts.Add(HtmlText.ToText(e.GetString()!)); continue; }
            if (e.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError("experienceRequirements", $"expected text or OccupationalExperienceRequirements, got {Kind(e)}"));
                continue;
            }
            if ((Scalar(Get(e, "description")) ?? Scalar(Get(e, "name"))) is { } described) texts.Add(HtmlText.ToText(described));
            if (Get(e, "monthsOfExperience") is not { } m) continue;
            if (Number(m) is { } n && n >= 0 && n < 1200) months = Math.Max(months ?? 0, (int)Math.Round(n));
            else errors.Add(new FieldError("experienceRequirements.monthsOfExperience", $"expected a number of months, got {m.GetRawText()}"));
        }
        var text = JoinLines(texts.Where(t => t.Length > 0).ToList());
        if (text is null && months is { } only) text = $"{only} months of experience";
        return (text, months);
    }

    private static (string? Region, string? City, bool HasPlace) ReadLocation(JsonElement root, List<FieldError> errors)
    {
        string? region = null, city = null;
        var hasPlace = false;
        if (Get(root, "jobLocation") is { } location)
        {
            var places = location.ValueKind == JsonValueKind.Array ? location.EnumerateArray().ToList() : [location];
            foreach (var place in places)
            {
                var address = place.ValueKind == JsonValueKind.Object ? Get(place, "address") ?? place : place;
                if (address.ValueKind == JsonValueKind.String) { city ??= address.GetString(); hasPlace = true; continue; }
                if (address.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new FieldError("jobLocation", $"expected a Place with a PostalAddress, got {Kind(address)}"));
                    continue;
                }
                hasPlace = true;
                var rawRegion = Scalar(Get(address, "addressRegion"));
                var iso = CanadianRegions.ToIso(rawRegion);
                if (rawRegion is not null && iso is null)
                    errors.Add(new FieldError("jobLocation.address.addressRegion", $"'{rawRegion}' is not a Canadian province or territory or an ISO 3166-2 code"));
                region ??= iso;
                city ??= Scalar(Get(address, "addressLocality"))?.Trim();
            }
        }
        if (region is null && Get(root, "applicantLocationRequirements") is { } applicants)
        {
            foreach (var area in applicants.ValueKind == JsonValueKind.Array ? applicants.EnumerateArray().ToList() : [applicants])
                region ??= CanadianRegions.ToIso(area.ValueKind == JsonValueKind.String ? area.GetString() : Scalar(Get(area, "name")));
        }
        return (region, city, hasPlace);
    }

    private static string ReadRemote(JsonElement root, string? description, List<FieldError> errors)
    {
        if (Get(root, "jobLocationType") is { } type)
        {
            if (type.ValueKind != JsonValueKind.String) errors.Add(new FieldError("jobLocationType", $"expected text, got {Kind(type)}"));
            else if (type.GetString()!.Trim().Equals("TELECOMMUTE", StringComparison.OrdinalIgnoreCase)) return RemoteMode.Remote;
            else if (type.GetString()!.Trim().Equals("HYBRID", StringComparison.OrdinalIgnoreCase)) return RemoteMode.Hybrid;
        }
        return Hybrid().IsMatch(description ?? "") ? RemoteMode.Hybrid : RemoteMode.Onsite;
    }

    private static DateTimeOffset? ReadDate(JsonElement root, string field, List<FieldError> errors, bool endOfDay = false)
    {
        if (Get(root, field) is not { } value) return null;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(endOfDay ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue), TimeSpan.Zero);
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && text.Contains('T'))
            return moment.ToUniversalTime();
        errors.Add(new FieldError(field, $"expected an ISO 8601 date (2026-01-31) or date-time, got {value.GetRawText()}"));
        return null;
    }

    private static (decimal? Min, decimal? Max, string? Currency, string? Unit) ReadSalary(JsonElement root, List<FieldError> errors)
    {
        if (Get(root, "baseSalary") is not { } salary) return default;
        if (salary.ValueKind == JsonValueKind.Number) return (salary.GetDecimal(), salary.GetDecimal(), null, null);
        if (salary.ValueKind != JsonValueKind.Object) { errors.Add(new FieldError("baseSalary", $"expected a MonetaryAmount, got {Kind(salary)}")); return default; }
        var currency = Scalar(Get(salary, "currency"))?.Trim().ToUpperInvariant();
        if (currency is not null && !CurrencyCode().IsMatch(currency)) errors.Add(new FieldError("baseSalary.currency", $"expected an ISO 4217 code such as CAD, got '{currency}'"));
        decimal? min = null, max = null;
        string? unit = null;
        var value = Get(salary, "value");
        if (value is { ValueKind: JsonValueKind.Object } q)
        {
            min = Amount(q, "minValue", errors);
            max = Amount(q, "maxValue", errors);
            var single = Amount(q, "value", errors);
            min ??= single;
            max ??= single ?? min;
            unit = Scalar(Get(q, "unitText"))?.Trim().ToUpperInvariant();
        }
        else if (value is { } v)
        {
            min = max = Number(v) is { } n ? (decimal)n : null;
            if (min is null) errors.Add(new FieldError("baseSalary.value", $"expected a number or a QuantitativeValue, got {v.GetRawText()}"));
        }
        unit ??= Scalar(Get(salary, "unitText"))?.Trim().ToUpperInvariant();
        if (unit is not null && unit is not ("HOUR" or "DAY" or "WEEK" or "MONTH" or "YEAR"))
            errors.Add(new FieldError("baseSalary.value.unitText", $"expected HOUR, DAY, WEEK, MONTH or YEAR, got '{unit}'"));
        if (min > max) errors.Add(new FieldError("baseSalary.value", $"minValue {min} is above maxValue {max}"));
        return (min, max, currency, unit);
    }

    private static decimal? Amount(JsonElement quantity, string field, List<FieldError> errors)
    {
        if (Get(quantity, field) is not { } e) return null;
        if (Number(e) is { } n && n >= 0) return (decimal)n;
        errors.Add(new FieldError($"baseSalary.value.{field}", $"expected a non-negative number, got {e.GetRawText()}"));
        return null;
    }

    private static double? Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString()!.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\bhybrid\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Hybrid();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{3}$")]
    private static partial System.Text.RegularExpressions.Regex CurrencyCode();
}

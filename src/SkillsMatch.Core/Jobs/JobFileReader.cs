using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Jobs;

/// <summary>One record of an import file: where it starts, and the posting or why it could not be read.</summary>
public sealed record JobFileRecord(int Line, JobPostingParse Parse);

/// <summary>
/// Reads postings from JSON Lines (one schema.org JobPosting per line) or CSV (a header naming the columns in
/// <see cref="CsvColumns"/>; a CSV row becomes the equivalent JobPosting JSON, so both go through the one parser).
/// </summary>
public static class JobFileReader
{
    /// <summary>CSV columns understood (header names, any order; unknown columns are ignored; title and description required).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "identifier", "title", "description", "employer", "employment_type", "region", "city", "country", "remote",
        "date_posted", "valid_through", "salary_min", "salary_max", "salary_currency", "salary_unit",
        "skills", "qualifications", "experience", "experience_months", "education",
    ];

    private static readonly string[] RequiredColumns = ["title", "description"];

    public static IAsyncEnumerable<JobFileRecord> ReadAsync(string path, CancellationToken ct) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsvAsync(path, ct) : ReadJsonLinesAsync(path, ct);

    private static async IAsyncEnumerable<JobFileRecord> ReadJsonLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return new JobFileRecord(line, JobPostingParser.Parse(text));
        }
    }

    private static async IAsyncEnumerable<JobFileRecord> ReadCsvAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new DelimitedReader(new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true)), Path.GetFileName(path), ',', quoting: true);
        if (!await reader.ReadAsync(ct)) yield break;
        var header = reader.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            yield return new JobFileRecord(reader.Line, new JobPostingParse(null, [new FieldError("header", $"missing column(s): {string.Join(", ", missing)}")]));
            yield break;
        }
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < reader.Fields.Count; i++)
                if (reader.Fields[i].Trim() is { Length: > 0 } value) row[header[i]] = value;
            var json = ToJobPosting(row).ToJsonString();
            yield return new JobFileRecord(reader.Line, JobPostingParser.Parse(json));
        }
    }

    /// <summary>A CSV row as schema.org JobPosting JSON. List cells (skills, employment_type) are separated by ';' or '|'.</summary>
    public static JsonObject ToJobPosting(IReadOnlyDictionary<string, string> row)
    {
        string? Cell(string name) => row.TryGetValue(name, out var v) ? v : null;
        JsonArray? List(string name) => Cell(name) is { } v
            ? new JsonArray(v.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)s).ToArray())
            : null;
        JsonNode? Number(string name) => Cell(name) is { } v
            ? decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : v
            : null;
        var posting = new JsonObject { ["@context"] = "https://schema.org/", ["@type"] = "JobPosting" };
        void Set(string key, JsonNode? value) { if (value is not null) posting[key] = value; }
        Set("identifier", Cell("identifier"));
        Set("title", Cell("title"));
        Set("description", Cell("description"));
        Set("hiringOrganization", Cell("employer") is { } e ? new JsonObject { ["@type"] = "Organization", ["name"] = e } : null);
        Set("employmentType", List("employment_type"));
        if (Cell("region") is not null || Cell("city") is not null)
            Set("jobLocation", new JsonObject
            {
                ["@type"] = "Place",
                ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressRegion"] = Cell("region"), ["addressLocality"] = Cell("city"), ["addressCountry"] = Cell("country") ?? "CA" },
            });
        Set("jobLocationType", Cell("remote")?.ToLowerInvariant() switch { "remote" or "telecommute" => "TELECOMMUTE", "hybrid" => "HYBRID", _ => null });
        Set("datePosted", Cell("date_posted"));
        Set("validThrough", Cell("valid_through"));
        if (Cell("salary_min") is not null || Cell("salary_max") is not null)
            Set("baseSalary", new JsonObject
            {
                ["@type"] = "MonetaryAmount",
                ["currency"] = Cell("salary_currency") ?? "CAD",
                ["value"] = new JsonObject { ["@type"] = "QuantitativeValue", ["minValue"] = Number("salary_min"), ["maxValue"] = Number("salary_max"), ["unitText"] = Cell("salary_unit") },
            });
        Set("skills", List("skills"));
        Set("qualifications", Cell("qualifications"));
        if (Cell("experience") is not null || Cell("experience_months") is not null)
            Set("experienceRequirements", Cell("experience_months") is null ? Cell("experience")
                : new JsonObject { ["@type"] = "OccupationalExperienceRequirements", ["monthsOfExperience"] = Number("experience_months"), ["description"] = Cell("experience") });
        Set("educationRequirements", Cell("education"));
        return posting;
    }
}

using System.Globalization;
using System.Text.Json;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Catalog;

/// <summary>
/// Reads catalog offerings from a JSON Lines file (one <see cref="CatalogOfferingInput"/> object a line, camelCase)
/// or a CSV file with a header row (<see cref="CsvColumns"/>; lists separated by '|'). A row that cannot be read is
/// reported with its line number and the others are still read.
/// </summary>
public static class CatalogFile
{
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "external_id", "title", "provider", "issuer_uri", "description", "url", "hours", "cost", "currency", "format", "language",
        "region", "stackable_into", "quality_assurance", "skills", "is_demo",
    ];

    private static readonly string[] RequiredColumns = ["external_id", "title", "provider", "format", "language"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<CatalogFileRows> ReadAsync(string path, CancellationToken ct)
    {
        var rows = new List<CatalogFileRow>();
        var errors = new List<CatalogRowError>();
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) await ReadCsvAsync(path, rows, errors, ct);
        else await ReadJsonLinesAsync(path, rows, errors, ct);
        return new CatalogFileRows(rows, errors);
    }

    private static async Task ReadJsonLinesAsync(string path, List<CatalogFileRow> rows, List<CatalogRowError> errors, CancellationToken ct)
    {
        var line = 0;
        await foreach (var text in File.ReadLinesAsync(path, ct))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var json = JsonDocument.Parse(text);
                var input = json.Deserialize<CatalogOfferingInput>(Json);
                if (input is null) errors.Add(new CatalogRowError(line, "the line is null, not an offering object"));
                else rows.Add(new CatalogFileRow(line, input, IsDemo(json.RootElement)));
            }
            catch (JsonException ex)
            {
                errors.Add(new CatalogRowError(line, "not a JSON offering object" + SkillsMatch.Credentials.Formats.Json.Where(ex)));
            }
        }
    }

    private static bool IsDemo(JsonElement row) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty("isDemo", out var value) && value.ValueKind == JsonValueKind.True;

    private static async Task ReadCsvAsync(string path, List<CatalogFileRow> rows, List<CatalogRowError> errors, CancellationToken ct)
    {
        using var csv = new DelimitedReader(new StreamReader(path), Path.GetFileName(path), ',', quoting: true);
        try
        {
            if (!await csv.ReadAsync(ct)) return;
            var header = csv.Fields.Select((name, i) => (Name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), i))
                .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
            var missing = RequiredColumns.Where(c => !header.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new CatalogRowError(csv.Line, $"the header lacks column(s) {string.Join(", ", missing)}; expected {string.Join(",", CsvColumns)}"));
                return;
            }
            while (await csv.ReadAsync(ct))
            {
                var problems = new InputErrors();
                var (input, isDemo) = FromCsv(csv.Fields, header, problems);
                if (problems.Any) errors.Add(new CatalogRowError(csv.Line, problems.ToString()));
                else rows.Add(new CatalogFileRow(csv.Line, input, isDemo));
            }
        }
        catch (TaxonomyFormatException ex)
        {
            errors.Add(new CatalogRowError(ex.Line, ex.Reason + "; the rest of the file was not read"));
        }
    }

    private static (CatalogOfferingInput Input, bool IsDemo) FromCsv(IReadOnlyList<string> fields, Dictionary<string, int> header, InputErrors problems)
    {
        string? Cell(string column) =>
            header.TryGetValue(column, out var i) && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        string[]? List(string column) =>
            Cell(column)?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        decimal? Number(string column)
        {
            if (Cell(column) is not { } text) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add(column, $"'{text}' is not a number");
            return null;
        }
        var isDemo = Cell("is_demo")?.ToLowerInvariant() switch
        {
            null or "false" or "no" or "0" => false,
            "true" or "yes" or "1" => true,
            var other => Invalid(other),
        };
        return (new CatalogOfferingInput(Cell("external_id"), Cell("title"), Cell("provider"), Cell("issuer_uri"), Cell("description"), Cell("url"),
            Number("hours"), Number("cost"), Cell("currency"), Cell("format"), Cell("language"), Cell("region"), List("stackable_into"),
            Cell("quality_assurance"), List("skills")), isDemo);

        bool Invalid(string value)
        {
            problems.Add("is_demo", $"'{value}' is not true or false");
            return false;
        }
    }
}

/// <param name="IsDemo">The file's is_demo column (isDemo in JSON Lines): an operator's import may mark demo rows, a client of the API may not.</param>
public sealed record CatalogFileRow(int Line, CatalogOfferingInput Input, bool IsDemo);

/// <summary>Why the row starting on <see cref="Line"/> was not imported.</summary>
public sealed record CatalogRowError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

public sealed record CatalogFileRows(IReadOnlyList<CatalogFileRow> Rows, IReadOnlyList<CatalogRowError> Errors);

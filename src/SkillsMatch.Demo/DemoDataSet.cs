using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillsMatch.Demo;

/// <summary>
/// The shipped demo data (data/demo), read and cross-checked: every course a learner's credential names exists in
/// the catalog and every issuer it names exists. Postings stay raw schema.org JSON for the postings importer.
/// </summary>
public sealed record DemoDataSet(
    IReadOnlyList<DemoIssuer> Issuers,
    IReadOnlyList<JsonObject> CatalogOfferings,
    IReadOnlyList<JsonObject> Postings,
    IReadOnlyList<DemoPractitioner> Practitioners,
    IReadOnlyList<DemoLearner> Learners)
{
    /// <summary>The day the demo files' dates are relative to; the loader shifts them to today.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DemoDataSet Read(string folder)
    {
        var issuers = ReadIssuers(Path.Combine(folder, "issuers.json"));
        var people = JsonSerializer.Deserialize<DemoPeople>(File.ReadAllText(Path.Combine(folder, "learners.json")), Json)!;
        var set = new DemoDataSet(issuers, ReadLines(Path.Combine(folder, "catalog.jsonl")), ReadLines(Path.Combine(folder, "postings.jsonl")),
            people.Practitioners, people.Learners);
        set.Check();
        return set;
    }

    /// <summary>The issuers of an issuers.json (data/demo's, which the judged ranking set's credentials name too).</summary>
    public static IReadOnlyList<DemoIssuer> ReadIssuers(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("issuers").Deserialize<List<DemoIssuer>>(Json)!;

    public DemoIssuer Issuer(string key) => Issuers.Single(i => i.Key == key);

    public JsonObject? Offering(string issuerKey, string course) =>
        CatalogOfferings.SingleOrDefault(o => (string?)o["externalId"] == $"demo-{issuerKey}-{course}");

    /// <summary>A copy of the posting with datePosted and validThrough moved by the days between <see cref="AsOf"/> and <paramref name="today"/>.</summary>
    public static JsonObject ShiftDates(JsonObject posting, DateOnly today)
    {
        var shifted = (JsonObject)posting.DeepClone();
        var days = today.DayNumber - AsOf.DayNumber;
        foreach (var property in (string[])["datePosted", "validThrough"])
            if (shifted[property] is JsonValue value && DateOnly.TryParse(value.GetValue<string>(), out var date))
                shifted[property] = date.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return shifted;
    }

    private void Check()
    {
        var problems = new List<string>();
        foreach (var learner in Learners)
            foreach (var credential in learner.Credentials)
            {
                if (!Issuers.Any(i => i.Key == credential.Issuer)) problems.Add($"{learner.Key}: unknown issuer {credential.Issuer}");
                else if (credential.Course is { } course && Offering(credential.Issuer, course) is null)
                    problems.Add($"{learner.Key}: no catalog offering demo-{credential.Issuer}-{course}");
                else if (credential.Course is null && (credential.Title is null || credential.Skills.Count == 0))
                    problems.Add($"{learner.Key}: a credential without a course needs a title and skills");
            }
        foreach (var practitioner in Practitioners)
            problems.AddRange(practitioner.Caseload.Where(k => Learners.All(l => l.Key != k)).Select(k => $"{practitioner.Key}: unknown learner {k}"));
        if (problems.Count > 0) throw new InvalidDataException("The demo data is inconsistent: " + string.Join("; ", problems));
    }

    private static List<JsonObject> ReadLines(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    private sealed record DemoPeople(List<DemoPractitioner> Practitioners, List<DemoLearner> Learners);
}

public sealed record DemoIssuer(
    string Key, string Name, string Id, bool InRegistry, bool Trusted, string? AccreditingBody, string? Framework, DateOnly? LastReview,
    string DemoSigningSeedHex);

public sealed record DemoPractitioner(string Key, string Name, string Organisation, IReadOnlyList<string> Caseload);

public sealed record DemoLearner(
    string Key, string Name, string Email, string Region, string City, string Remote, IReadOnlyList<string> Targets,
    bool Visible, IReadOnlyList<string> VisibleParts, IReadOnlyList<DemoExperience> Experiences,
    IReadOnlyList<DemoSelfDeclared> SelfDeclared, IReadOnlyList<DemoCredential> Credentials);

public sealed record DemoExperience(string Kind, string Title, string? Organisation, DateOnly? Start, DateOnly? End, string Description);

public sealed record DemoSelfDeclared(string Skill, string Level);

/// <summary>A credential to mint: from a catalog course, or (Title, Description, Skills) for one outside the catalog.
/// Awarded is days relative to today; ValidForDays, when set, makes it expire.</summary>
public sealed record DemoCredential(
    string Issuer, string? Course, int Awarded, double? Hours, string? Assessment, string? Level, int? ValidForDays,
    string? Title, string? Description, IReadOnlyList<string> Skills)
{
    public IReadOnlyList<string> Skills { get; init; } = Skills ?? [];
}

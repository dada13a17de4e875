using System.Globalization;
using System.Text;

namespace SkillsMatch.Bench;

/// <summary>
/// Synthetic job postings of at least <c>length</c> characters in whole lines (~2 KB by default) for throughput
/// benchmarks, shaped like real ones (title, company blurb, responsibilities, requirements, nice-to-haves,
/// benefits, salary, equal-opportunity line) and built so that no sentence repeats anywhere in the set: each line combines taxonomy labels, work phrases, numbers
/// and names at random, and a line already used is drawn again. A vector cache therefore gains nothing from
/// repeated sentences, only from phrases that recur as they do in real ads.
/// </summary>
public static class BenchmarkPostings
{
    public static IReadOnlyList<string> Generate(IReadOnlyList<string> labels, int count, int length = 2048, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfZero(labels.Count);
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Pick(string[] from) => from[random.Next(from.Length)];
        string Label() => labels[random.Next(labels.Count)];
        string Fill(string template) => template
            .Replace("{label}", Label(), StringComparison.Ordinal).Replace("{label2}", Label(), StringComparison.Ordinal)
            .Replace("{work}", Pick(Work), StringComparison.Ordinal).Replace("{object}", Pick(Objects), StringComparison.Ordinal)
            .Replace("{who}", Pick(Stakeholders), StringComparison.Ordinal).Replace("{role}", Pick(Roles), StringComparison.Ordinal).Replace("{company}", Company(random), StringComparison.Ordinal)
            .Replace("{city}", Pick(Cities), StringComparison.Ordinal).Replace("{n}", random.Next(2, 9).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{size}", random.Next(12, 4000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string Unique(string[] templates)
        {
            for (var attempt = 0; ; attempt++)
            {
                var line = Fill(Pick(templates));
                if (used.Add(line) || attempt > 50) return line;
            }
        }

        var postings = new List<string>(count);
        var text = new StringBuilder(length + 512);
        for (var p = 0; p < count; p++)
        {
            text.Clear();
            text.Append(Pick(Seniority)).Append(' ').Append(Unique(Titles)).Append("\n\n");
            text.Append(Unique(Blurbs)).Append(' ').Append(Unique(Blurbs)).Append("\n\nWhat you will do:\n");
            for (var i = 0; i < 5; i++) text.Append("- ").Append(Unique(Duties)).Append('\n');
            text.Append("\nRequirements:\n");
            for (var i = 0; i < 6; i++) text.Append("- ").Append(Unique(Requirements)).Append('\n');
            text.Append("\nNice to have:\n");
            for (var i = 0; i < 3; i++) text.Append("- ").Append(Unique(Requirements)).Append('\n');
            text.Append('\n').Append(Unique(Offer)).Append(' ').Append(Salary(random)).Append('\n').Append(Unique(Closing)).Append('\n');
            while (text.Length < length) text.Append("- ").Append(Unique(Duties)).Append('\n');
            postings.Add(text.ToString());
        }
        return postings;
    }

    /// <summary>How many sentences (lines) of the set occur in more than one posting.</summary>
    public static int RepeatedLines(IReadOnlyList<string> postings)
    {
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < postings.Count; p++)
        {
            foreach (var line in postings[p].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (line.EndsWith(':') || !line.Contains(' ', StringComparison.Ordinal)) continue;
                if (owners.TryGetValue(line, out var owner) && owner != p) repeated.Add(line);
                else owners[line] = p;
            }
        }
        return repeated.Count;
    }

    private static string Company(Random random) =>
        CompanyParts[random.Next(CompanyParts.Length)] + CompanyParts[random.Next(CompanyParts.Length)].ToLowerInvariant() + " " + CompanySuffixes[random.Next(CompanySuffixes.Length)];

    private static string Salary(Random random)
    {
        var low = random.Next(45, 140) * 1000;
        return string.Create(CultureInfo.InvariantCulture, $"Salary range: ${low:N0} to ${low + random.Next(10, 40) * 1000:N0} per year.");
    }

    private static readonly string[] Seniority = ["Junior", "Senior", "Lead", "Principal", "Intermediate", "Staff", "Associate"];
    private static readonly string[] Titles = ["{label} {role} in {city}", "{label} {role}, {city} office", "{role} ({label}), team of {n}"];
    private static readonly string[] Roles = ["Developer", "Analyst", "Engineer", "Specialist", "Coordinator", "Consultant", "Technician", "Manager"];
    private static readonly string[] CompanyParts = ["North", "Blue", "Maple", "Bright", "Harbour", "Summit", "Clear", "Iron", "Silver", "Cedar", "Delta", "Nova", "Prairie", "River"];
    private static readonly string[] CompanySuffixes = ["Systems", "Health", "Logistics", "Analytics", "Labs", "Energy", "Financial", "Foods", "Robotics", "Media"];
    private static readonly string[] Cities = ["Ottawa", "Toronto", "Montreal", "Calgary", "Halifax", "Vancouver", "Winnipeg", "Lyon", "Berlin", "Dublin", "Austin", "Leeds"];
    private static readonly string[] Stakeholders = ["product managers", "clinicians", "the finance team", "customers", "field technicians", "designers", "the data team", "regional sales leads", "suppliers", "senior leadership"];
    private static readonly string[] Work =
    [
        "design and maintain", "improve", "troubleshoot", "plan and deliver", "document", "automate", "review", "monitor",
        "build", "test", "coordinate", "analyse", "migrate", "support", "estimate", "audit", "prototype", "scale",
    ];
    private static readonly string[] Objects =
    [
        "data pipelines for monthly reporting", "the customer onboarding process", "internal dashboards", "inventory forecasts",
        "our public APIs", "quality checks on incoming parts", "cloud infrastructure costs", "training material for new staff",
        "the release process", "budget variance reports", "field service schedules", "patient intake workflows",
        "machine learning models in production", "vendor contracts", "network security controls", "mobile app features",
        "warehouse picking routes", "marketing campaign results", "regulatory submissions", "test plans for embedded firmware",
    ];
    private static readonly string[] Blurbs =
    [
        "{company} is a fast-growing company headquartered in {city} with {size} employees.",
        "Founded in 20{n}0s, {company} helps {who} in {city} work better.",
        "We are a leading provider of services to {who}, with offices in {city}.",
        "At {company}, our mission is to make {object} simple for {who}.",
        "Our team of {size} people in {city} builds tools for {who}.",
    ];
    private static readonly string[] Duties =
    [
        "{work} {object} with {who}.",
        "{work} {object} using {label}.",
        "Work closely with {who} to {work} {object}.",
        "Use {label} and {label2} to {work} {object}.",
        "Take ownership of {object} and {work} it as the team grows to {size} users.",
        "Mentor {n} colleagues and {work} {object}.",
        "Report weekly to {who} on {object}.",
    ];
    private static readonly string[] Requirements =
    [
        "{n}+ years of experience with {label}.",
        "Strong knowledge of {label} and {label2}.",
        "Experience to {work} {object}.",
        "Familiarity with {label} is an asset.",
        "Ability to {work} {object} with little supervision.",
        "Proven track record with {label}; {label2} would be a plus.",
        "Comfortable presenting {object} to {who}.",
        "Degree in a related field or {n} years of equivalent experience in {label}.",
    ];
    private static readonly string[] Offer =
    [
        "We offer dental insurance, {n} weeks of paid vacation and a pension plan.",
        "Benefits include health insurance, a wellness allowance and {n} paid holidays.",
        "Hybrid work from our {city} office, stock options and a {size} dollar learning budget.",
    ];
    private static readonly string[] Closing =
    [
        "{company} is an equal opportunity employer and welcomes applications from {who}.",
        "To apply, send your resume to jobs@{company}.example before the {n}th.",
        "Reasonable accommodation is available on request at any stage for applicants in {city}.",
        "We thank all applicants; only shortlisted candidates for the {city} role will be contacted.",
    ];
}

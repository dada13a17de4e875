using System.Net.Http.Json;
using System.Text.Json;

namespace SkillsMatch.Bench.Load;

/// <summary>
/// The mixed workload of <c>skillsmatch load</c>, built from what the running API holds: open postings (and their
/// skills) and learners, topped up with learners created through the API when there are fewer than asked for.
/// </summary>
public sealed class LoadScenario
{
    private static readonly string[] Texts =
    [
        "We need an analyst with 3+ years of SQL and Power BI dashboards; Python is an asset.",
        "Registered nurse for a medical-surgical unit: patient assessment, medication administration, charting.",
        "Forklift operator with WHMIS training, inventory control and shipping and receiving experience.",
        "Junior developer: C#, REST APIs, Git, unit testing and agile teamwork.",
        "Customer service representative: bilingual English/French, conflict resolution, point-of-sale systems.",
    ];

    private static readonly string[] SkillsOnly = ["skills"];
    private static readonly string[] SkillsAndContact = ["skills", "contact"];
    private readonly IReadOnlyList<Guid> _learners;
    private readonly IReadOnlyList<Guid> _postings;
    private readonly IReadOnlyList<long> _skills;

    private LoadScenario(IReadOnlyList<Guid> learners, IReadOnlyList<Guid> postings, IReadOnlyList<long> skills) =>
        (_learners, _postings, _skills) = (learners, postings, skills);

    public int Learners => _learners.Count;

    public int Postings => _postings.Count;

    /// <summary>Skills the postings ask for: what searches and written self-declared skills draw from.</summary>
    public IReadOnlyList<long> Skills => _skills;

    public static async Task<LoadScenario> PrepareAsync(HttpClient http, string adminKey, int minLearners, CancellationToken ct)
    {
        var postings = new List<Guid>();
        foreach (var item in (await GetAsync(http, "/jobs?status=open&limit=200", adminKey, ct)).GetProperty("items").EnumerateArray())
            postings.Add(item.GetProperty("id").GetGuid());
        if (postings.Count == 0) throw new CliException("the API has no open postings: import some first (skillsmatch jobs import FILE)");
        var skills = new HashSet<long>();
        foreach (var id in postings.Take(30))
            foreach (var skill in (await GetAsync(http, $"/jobs/{id}", adminKey, ct)).GetProperty("skills").EnumerateArray())
                skills.Add(skill.GetProperty("skillId").GetInt64());
        if (skills.Count < 5) throw new CliException("the postings name fewer than 5 skills; the search mix needs more");
        var skillList = skills.Order().ToList();

        var learners = await LearnerIdsAsync(http, adminKey, ct);
        var random = new Random(42);
        for (var i = learners.Count; i < minLearners; i++)
        {
            var created = await SendAsync(http, HttpMethod.Post, "/learners", adminKey, new
            {
                displayName = $"Load learner {i}",
                region = random.Pick(["CA-ON", "CA-ON", "CA-QC", "CA-BC", "CA-AB"]),
                remotePreference = random.Pick(["onsite", "hybrid", "remote", "any"]),
                consent = new { visibleToEmployers = random.NextDouble() < 0.8, parts = random.NextDouble() < 0.5 ? SkillsOnly : SkillsAndContact },
            }, ct);
            var id = created.GetProperty("id").GetGuid();
            var held = Enumerable.Range(0, random.Next(4, 12)).Select(_ => random.Pick(skillList)).Distinct();
            await SendAsync(http, HttpMethod.Put, $"/learners/{id}/skills/self", adminKey,
                new { skills = held.Select(s => new { skillId = s, level = random.Pick(["beginner", "intermediate", "advanced"]) }) }, ct);
            learners.Add(id);
        }
        return new LoadScenario(learners, postings, skillList);
    }

    /// <summary>
    /// Reads dominate, as in use: a learner's matches, an employer's search and a posting's candidates, extraction of
    /// a short text (lexical), and a small share of writes.
    /// </summary>
    public IReadOnlyList<LoadRequest> Mix(string adminKey, string employerKey, WriteJournal writes) =>
    [
        new("match", 40, w => Requests.Get($"/learners/{w.Random.Pick(_learners)}/matches?limit=10", adminKey)),
        new("search", 25, w => Requests.Send(HttpMethod.Post, "/candidates/search", employerKey, new
        {
            skills = Enumerable.Range(0, w.Random.Next(1, 4)).Select(_ => w.Random.Pick(_skills).ToString()).Distinct().ToList(),
            requireAll = w.Random.NextDouble() < 0.5,
            minTier = w.Random.NextDouble() < 0.3 ? "inferred" : null,
            limit = 10,
        })),
        new("candidates", 20, w => Requests.Get($"/jobs/{w.Random.Pick(_postings)}/candidates?limit=10", employerKey)),
        new("extract", 10, w => Requests.Send(HttpMethod.Post, "/extract", adminKey, new { text = w.Random.Pick(Texts), lexicalOnly = true })),
        writes.Request(5),
    ];

    private static async Task<List<Guid>> LearnerIdsAsync(HttpClient http, string adminKey, CancellationToken ct)
    {
        var ids = new List<Guid>();
        for (var offset = 0; offset < 2000; offset += 200)
        {
            var page = await GetAsync(http, $"/learners?limit=200&offset={offset}", adminKey, ct);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            if (items.Count < 200) break;
        }
        return ids;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, string key, CancellationToken ct)
    {
        using var response = await http.SendAsync(Requests.Get(path, key), ct);
        return await ReadAsync(response, path, ct);
    }

    private static async Task<JsonElement> SendAsync<T>(HttpClient http, HttpMethod method, string path, string key, T body, CancellationToken ct)
    {
        using var response = await http.SendAsync(Requests.Send(method, path, key, body), ct);
        return await ReadAsync(response, path, ct);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new CliException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}

namespace SkillsMatch.Bench;

/// <summary>What people type into a skill search box: whole labels, prefixes, typos and loose phrases.</summary>
public sealed record SearchQuery(string Kind, string Text);

public static class SearchQueries
{
    public static IReadOnlyList<SearchQuery> FromLabels(IReadOnlyList<string> labels, int count, int seed)
    {
        var random = new Random(seed);
        var words = labels.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3).Distinct().ToList();
        var queries = new List<SearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var label = labels[random.Next(labels.Count)];
            queries.Add((i % 5) switch
            {
                0 or 1 => new SearchQuery("exact", label),
                2 => new SearchQuery("prefix", label[..Math.Min(label.Length, 3 + random.Next(6))]),
                3 => new SearchQuery("typo", Typo(label, random)),
                _ => new SearchQuery("phrase", $"{words[random.Next(words.Count)]} {words[random.Next(words.Count)]}"),
            });
        }
        return queries;
    }

    private static string Typo(string label, Random random)
    {
        if (label.Length < 4) return label;
        var chars = label.ToCharArray();
        var at = 1 + random.Next(chars.Length - 2);
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }
}

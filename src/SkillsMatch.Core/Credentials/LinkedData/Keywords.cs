namespace SkillsMatch.Credentials.LinkedData;

/// <summary>JSON-LD 1.1 keywords (JSON-LD 1.1 §1.7) and the helpers that classify expanded values.</summary>
internal static class Keywords
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    };

    public static bool Is(string? value) => value is not null && All.Contains(value);

    /// <summary>"@" followed by one or more ALPHA: reserved for future keywords, ignored with a warning (§3.1).</summary>
    public static bool HasForm(string value)
    {
        if (value.Length < 2 || value[0] != '@') return false;
        for (var i = 1; i < value.Length; i++)
            if (!char.IsAsciiLetter(value[i])) return false;
        return true;
    }

    public static List<object?> AsList(object? value) => value is List<object?> list ? list : [value];

    public static bool IsValueObject(object? v) => v is Dictionary<string, object?> m && m.ContainsKey("@value");

    public static bool IsListObject(object? v) => v is Dictionary<string, object?> m && m.ContainsKey("@list");

    public static bool IsGraphObject(object? v) =>
        v is Dictionary<string, object?> m && m.ContainsKey("@graph") && m.Keys.All(k => k is "@graph" or "@id" or "@index" or "@context");

    public static bool IsNodeObject(object? v) =>
        v is Dictionary<string, object?> m && !m.ContainsKey("@value") && !m.ContainsKey("@list") && !m.ContainsKey("@set");

    public static bool IsScalar(object? v) => v is string or bool or double;

    /// <summary>Appends a value or the items of an array to the array at <paramref name="key"/> (created if absent).</summary>
    public static void Add(Dictionary<string, object?> map, string key, object? value, bool asArray = true)
    {
        if (!map.TryGetValue(key, out var existing) || existing is null)
        {
            map[key] = value is List<object?> l ? new List<object?>(l) : asArray ? new List<object?> { value } : value;
            return;
        }
        if (existing is not List<object?> list) map[key] = list = [existing];
        if (value is List<object?> items) list.AddRange(items);
        else list.Add(value);
    }
}

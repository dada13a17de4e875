using System.Text;
using SkillsMatch.Embeddings;

namespace SkillsMatch;

/// <summary>
/// Canada's provinces and territories as ISO 3166-2 codes ('CA-ON'), from the code, the postal abbreviation,
/// a common short form or the English or French name, in any case and with or without accents.
/// </summary>
public static class CanadianRegions
{
    public const string Country = "CA";

    private static readonly (string Code, string[] Names)[] Subdivisions =
    [
        ("AB", ["alberta", "alta"]),
        ("BC", ["british columbia", "colombie-britannique", "colombie britannique", "bc", "cb"]),
        ("MB", ["manitoba", "man"]),
        ("NB", ["new brunswick", "nouveau-brunswick", "nouveau brunswick"]),
        ("NL", ["newfoundland and labrador", "terre-neuve-et-labrador", "terre neuve et labrador", "newfoundland", "nfld", "nf", "tnl"]),
        ("NS", ["nova scotia", "nouvelle-ecosse", "nouvelle ecosse", "ne"]),
        ("NT", ["northwest territories", "territoires du nord-ouest", "territoires du nord ouest", "nwt", "tno"]),
        ("NU", ["nunavut", "nvt"]),
        ("ON", ["ontario", "ont"]),
        ("PE", ["prince edward island", "ile-du-prince-edouard", "ile du prince edouard", "pei", "ipe"]),
        ("QC", ["quebec", "que", "pq"]),
        ("SK", ["saskatchewan", "sask"]),
        ("YT", ["yukon", "yukon territory", "yk"]),
    ];

    private static readonly Dictionary<string, string> ByName = Build();

    /// <summary>The ISO 3166-2 code for <paramref name="text"/>, or null when it names no province or territory.</summary>
    /// <param name="allowCountry">Also accept Canada itself ('CA', 'Canada'), for things offered Canada-wide.</param>
    public static string? Normalize(string text, bool allowCountry = false)
    {
        var key = Key(text);
        if (allowCountry && key is "ca" or "canada") return Country;
        return ByName.TryGetValue(key, out var code) ? code : null;
    }

    /// <summary>For postings, which may be abroad: a Canadian region as its ISO code, another country's ISO 3166-2 code kept as given, anything else null.</summary>
    public static string? ToIso(string? region)
    {
        if (string.IsNullOrWhiteSpace(region)) return null;
        if (Normalize(region) is { } canadian) return canadian;
        var code = region.Trim().ToUpperInvariant();
        return code.Length is > 3 and <= 6 && code[2] == '-' && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-') ? code : null;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, names) in Subdivisions)
        {
            var iso = Country + "-" + code;
            map[Key(code)] = iso;
            map[Key(iso)] = iso;
            foreach (var name in names) map[Key(name)] = iso;
        }
        return map;
    }

    // Lower case, accents and dots removed, runs of spaces, hyphens and underscores made one space: "Île-du-Prince-Édouard" → "ile du prince edouard".
    // Accents go through AccentStripper: string.Normalize does nothing beyond ASCII under InvariantGlobalization.
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var rune in text.Trim().ToLowerInvariant().EnumerateRunes())
        {
            var plain = !rune.IsAscii && AccentStripper.TryDecompose(rune, out var decomposed) ? decomposed : rune.ToString();
            foreach (var c in plain)
            {
                if (c == '.') continue;
                if (c is ' ' or '-' or '_') { if (key.Length > 0 && key[^1] != ' ') key.Append(' '); }
                else key.Append(c);
            }
        }
        return key.ToString().TrimEnd();
    }
}

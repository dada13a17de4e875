namespace SkillsMatch.Jobs;

/// <summary>Canadian provinces and territories, by name (English or French) or postal abbreviation, as ISO 3166-2 codes.</summary>
public static class CanadianRegions
{
    private static readonly Dictionary<string, string> Codes = Build();

    /// <summary>'Ontario', 'ON', 'Ont.', 'CA-ON' and 'Québec' all give 'CA-ON' / 'CA-QC'; an ISO code of another country is kept; anything else is null.</summary>
    public static string? ToIso(string? region)
    {
        if (string.IsNullOrWhiteSpace(region)) return null;
        var key = Key(region);
        if (Codes.TryGetValue(key, out var code)) return code;
        if (key.Length > 3 && key[2] == '-' && key.Length <= 6 && key.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
            return key;
        return null;
    }

    private static string Key(string region) =>
        new string(SkillsMatch.Embeddings.AccentStripper.Strip(region.Trim()).Where(c => c != '.').ToArray()).ToUpperInvariant();

    private static Dictionary<string, string> Build()
    {
        var names = new (string Code, string[] Names)[]
        {
            ("AB", ["Alberta", "Alta"]),
            ("BC", ["British Columbia", "Colombie-Britannique", "BC", "CB"]),
            ("MB", ["Manitoba", "Man"]),
            ("NB", ["New Brunswick", "Nouveau-Brunswick"]),
            ("NL", ["Newfoundland and Labrador", "Newfoundland", "Terre-Neuve-et-Labrador", "NF", "Nfld", "TNL"]),
            ("NS", ["Nova Scotia", "Nouvelle-Ecosse", "NE"]),
            ("NT", ["Northwest Territories", "Territoires du Nord-Ouest", "NWT", "TNO"]),
            ("NU", ["Nunavut"]),
            ("ON", ["Ontario", "Ont"]),
            ("PE", ["Prince Edward Island", "Ile-du-Prince-Edouard", "PEI", "IPE"]),
            ("QC", ["Quebec", "Que", "PQ", "QUE"]),
            ("SK", ["Saskatchewan", "Sask"]),
            ("YT", ["Yukon", "Yukon Territory", "YK"]),
        };
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, aliases) in names)
        {
            codes[code] = "CA-" + code;
            codes["CA-" + code] = "CA-" + code;
            foreach (var alias in aliases) codes[Key(alias)] = "CA-" + code;
        }
        return codes;
    }
}

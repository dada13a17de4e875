namespace SkillsMatch.Api.Input;

/// <summary>
/// The one input policy for text (issue 15), wherever it arrives: control characters other than tab, CR and LF, and
/// lone surrogates, are refused; bidi overrides and zero-width characters are removed from names and titles (free text
/// keeps them, and extraction reads through them: see TextNormalizer).
/// </summary>
public static class InputText
{
    /// <summary>Properties whose values are names or titles, in any JSON body: shown in lists and headings, never free text.</summary>
    public static readonly HashSet<string> NameFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "displayName", "name", "title", "organisation", "organization", "provider", "label", "legalName", "hiringOrganization",
    };

    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
                return $"Contains the control character U+{(int)c:X4}; only tab, CR and LF are allowed.";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "Contains a lone UTF-16 surrogate, which is not text.";
        }
        return null;
    }

    /// <summary>Bidi embeddings, overrides and isolates, marks, and zero-width characters: invisible, and able to disguise a name.</summary>
    public static bool IsInvisible(char c) => c is
        '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u00AD' or '\u061C'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool HasInvisible(string value) => value.AsSpan().IndexOfAny(Invisible) >= 0;

    public static string WithoutInvisible(string value) => HasInvisible(value) ? string.Concat(value.Where(c => !IsInvisible(c))) : value;

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        "\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF\u00AD\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}

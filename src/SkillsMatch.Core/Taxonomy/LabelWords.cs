using System.Text;

namespace SkillsMatch.Taxonomy;

/// <summary>How labels and queries are compared: lower-case, single spaces, words split on spaces and light punctuation.</summary>
public static class LabelWords
{
    private static readonly char[] Separators = [' ', ',', ';', ':', '(', ')', '/', '-', '\'', '"'];

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Lower-case without accents ("Sécurité" → "securite"), for French, where people type accents or not.</summary>
    public static string FoldAccents(string text) => SkillsMatch.Embeddings.AccentStripper.Strip(Normalize(text));

    /// <summary>Words keep symbols that carry meaning (c++, c#, .net, node.js), so "c" never matches "c++".</summary>
    public static string[] Split(string normalized) =>
        normalized.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each single-character deletion of a word of four or more characters (SymSpell's index keys).</summary>
    public static IEnumerable<string> Deletions(string word)
    {
        if (word.Length < 4) yield break;
        for (var i = 0; i < word.Length; i++) yield return word.Remove(i, 1);
    }
}

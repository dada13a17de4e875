using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Extraction;

/// <summary>
/// Splits normalised text into the tokens skill labels are compiled from, keeping C++, C#, .NET, Node.js,
/// R&amp;D and 3.5 whole. Hyphenated words become their parts, marked as joined, so "real-time" and
/// "real time" meet; a slash is a token of its own, so "C/C++" yields C and C++ and "CI/CD" still matches.
/// </summary>
internal static class SkillTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        var key = new StringBuilder(32);
        bool hyphenBefore = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                tokens.Add(new Token(i, 1, "\n", TokenFlags.LineBreak));
                hyphenBefore = false;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                hyphenBefore = false;
                i++;
                continue;
            }
            if (!StartsWord(text, i))
            {
                string punctuation = c == '&' ? "and" : c.ToString();
                tokens.Add(new Token(i, 1, punctuation, TokenFlags.Punctuation));
                hyphenBefore = false;
                i++;
                continue;
            }

            int end = WordEnd(text, i);
            var flags = TokenFlags.Word | (hyphenBefore ? TokenFlags.HyphenBefore : TokenFlags.None);
            hyphenBefore = end + 1 < text.Length && text[end] == '-' && char.IsLetterOrDigit(text[end + 1]);
            if (hyphenBefore)
            {
                flags |= TokenFlags.HyphenAfter;
            }
            tokens.Add(new Token(i, end - i, KeyOf(text.AsSpan(i, end - i), key), flags));
            i = hyphenBefore ? end + 1 : end;
        }
        return tokens;
    }

    // Words repeat across postings and labels; folding and stemming each once saves most of tokenising.
    // Bounded so hostile input cannot grow it without limit; past the bound keys are computed every time.
    private const int CacheLimit = 500_000;
    private static readonly ConcurrentDictionary<string, string> KeyCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KeyLookup =
        KeyCache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The comparison key: accent- and case-folded, stemmed when the token is a plain word.</summary>
    public static string KeyOf(ReadOnlySpan<char> surface, StringBuilder buffer)
    {
        if (KeyLookup.TryGetValue(surface, out string? key))
        {
            return key;
        }
        key = ComputeKey(surface, buffer);
        if (KeyCache.Count < CacheLimit)
        {
            KeyLookup.TryAdd(surface, key);
        }
        return key;
    }

    private static string ComputeKey(ReadOnlySpan<char> surface, StringBuilder buffer)
    {
        buffer.Clear();
        bool plainWord = true;
        int upper = 0, letters = 0;
        foreach (var rune in surface.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                letters++;
                if (Rune.IsUpper(rune))
                {
                    upper++;
                }
            }
            else if (!IsMark(rune))
            {
                plainWord = false;
            }
            if (IsMark(rune))
            {
                continue;
            }
            if (AccentStripper.TryDecompose(rune, out var decomposed))
            {
                foreach (char d in decomposed)
                {
                    buffer.Append(char.ToLowerInvariant(d));
                }
            }
            else
            {
                buffer.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }
        // Acronyms and tokens with digits or symbols are names, not English: "AWS" is not a plural.
        bool acronym = letters >= 2 && upper == letters;
        string folded = buffer.ToString();
        return plainWord && !acronym ? Stemmer.Stem(folded) : folded;
    }

    private static bool StartsWord(string text, int i)
    {
        char c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        // ".NET", ".gitlab-ci.yml": a leading dot belongs to the name when a letter follows and no word precedes.
        return c == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1])
            && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));
    }

    private static int WordEnd(string text, int start)
    {
        int j = start + 1;
        while (j < text.Length)
        {
            char c = text[j];
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || IsMark(c))
            {
                j++;
                continue;
            }
            bool alnumNext = j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1]);
            if (c == '\'' && IsFrenchElision(text.AsSpan(start, j - start)))
            {
                // "l'anglais", "d'Excel", "qu'Azure": the elided article is a word of its own, so the name after it matches.
                break;
            }
            if (alnumNext && (c == '.' || c == '&' || (c == '\'' && char.IsLetter(text[j - 1]))))
            {
                j++;
                continue;
            }
            if (c is '+' or '#')
            {
                // C++, C#, F#, A+, Linux+: the symbols close the name.
                int k = j;
                while (k < text.Length && k - j < 2 && text[k] is '+' or '#')
                {
                    k++;
                }
                if (k == text.Length || !char.IsLetterOrDigit(text[k]))
                {
                    return k;
                }
            }
            break;
        }
        return j;
    }

    private static bool IsFrenchElision(ReadOnlySpan<char> before) =>
        (before.Length == 1 && "cdjlmnstCDJLMNST".Contains(before[0]))
        || before.Equals("qu", StringComparison.OrdinalIgnoreCase) || before.Equals("jusqu", StringComparison.OrdinalIgnoreCase);

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark;

    private static bool IsMark(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark;
}

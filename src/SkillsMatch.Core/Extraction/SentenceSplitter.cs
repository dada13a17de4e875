using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

public enum SentenceKind
{
    Sentence,
    Bullet,
    Heading,
}

/// <summary>A sentence, bullet item or heading: [Start, Start + Length) of the text it was split from.</summary>
public sealed record SentenceSpan(int Start, int Length, SentenceKind Kind);

/// <summary>
/// Splits postings, course descriptions and CVs into sentences, bullet items, headings and semicolon-list
/// items. A line that does not end a sentence and is followed by one starting in lower case is one sentence
/// wrapped over two lines. Abbreviations (e.g., i.e., etc., Sr., Inc.) and dots inside names (Node.js, .NET,
/// 3.5) end nothing.
/// </summary>
public static partial class SentenceSplitter
{
    private const int MaxHeadingWords = 8;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "eg", "ie", "cf", "vs", "sr", "jr", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd",
        "co", "corp", "llc", "dept", "approx", "incl", "esp", "resp", "min", "max", "yr", "yrs", "no", "nos",
        "st", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "al",
        "u.s", "u.k", "ph.d", "b.sc", "m.sc", "b.a", "m.a", "a.k.a", "p.stat", "a.stat",
    };

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "of", "in", "the", "a", "an", "to", "for", "with", "including", "on", "at", "by", "as", "your",
        "our", "their", "from", "strong", "solid", "good", "excellent", "basic", "advanced", "such", "like", "using",
    };

    /// <summary>Spans into <paramref name="text"/> as given.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var spans = SplitNormalized(normalized.Text);
        var mapped = new List<SentenceSpan>(spans.Count);
        foreach (var span in spans)
        {
            var (start, length) = normalized.ToOriginal(span.Start, span.Length);
            mapped.Add(span with { Start = start, Length = length });
        }
        return mapped;
    }

    /// <summary>Spans into normalised text.</summary>
    internal static List<SentenceSpan> SplitNormalized(ReadOnlySpan<char> text)
    {
        var spans = new List<SentenceSpan>();
        int blockStart = -1, blockEnd = -1;
        var blockKind = SentenceKind.Sentence;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text[lineStart..].IndexOf('\n');
            int lineEnd = newline < 0 ? text.Length : lineStart + newline;
            var (start, end) = Trim(text, lineStart, lineEnd);
            if (start < end)
            {
                var line = text[start..end];
                var bullet = BulletMarker().Match(line.ToString());
                if (bullet.Success)
                {
                    Flush(text, spans, blockStart, blockEnd, blockKind);
                    (blockStart, blockEnd, blockKind) = (start + bullet.Length, end, SentenceKind.Bullet);
                }
                else if (IsHeading(line))
                {
                    Flush(text, spans, blockStart, blockEnd, blockKind);
                    spans.Add(new SentenceSpan(start, end - start, SentenceKind.Heading));
                    blockStart = -1;
                }
                else if (blockStart >= 0 && Continues(text[blockStart..blockEnd], line))
                {
                    blockEnd = end;
                }
                else
                {
                    Flush(text, spans, blockStart, blockEnd, blockKind);
                    (blockStart, blockEnd, blockKind) = (start, end, SentenceKind.Sentence);
                }
            }
            else
            {
                Flush(text, spans, blockStart, blockEnd, blockKind);
                blockStart = -1;
            }
            lineStart = lineEnd + 1;
        }
        Flush(text, spans, blockStart, blockEnd, blockKind);
        return spans;
    }

    /// <summary>
    /// A line continues the previous one when that did not end a sentence and this one starts in lower case,
    /// or the previous ended on a word no sentence ends with ("experience with\nPython").
    /// </summary>
    private static bool Continues(ReadOnlySpan<char> previous, ReadOnlySpan<char> line)
    {
        if (".!?:;".Contains(previous[^1]))
        {
            return false;
        }
        if (char.IsLower(line[0]))
        {
            return true;
        }
        int lastSpace = previous.LastIndexOf(' ');
        var lastWord = previous[(lastSpace + 1)..];
        return DanglingWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord);
    }

    private static void Flush(ReadOnlySpan<char> text, List<SentenceSpan> spans, int start, int end, SentenceKind kind)
    {
        if (start < 0)
        {
            return;
        }
        int pieceStart = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            bool boundary = c == ';' || (c is '.' or '!' or '?' && EndsSentence(text, start, i, end));
            if (boundary)
            {
                AddPiece(text, spans, pieceStart, i + 1, kind);
                pieceStart = i + 1;
            }
        }
        AddPiece(text, spans, pieceStart, end, kind);
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, int blockStart, int i, int end)
    {
        if (i + 1 < end && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('"' or '\'' or ')'))
        {
            return false;
        }
        if (text[i] != '.')
        {
            return true;
        }
        int wordStart = i;
        while (wordStart > blockStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"'))
        {
            wordStart--;
        }
        var word = text[wordStart..i];
        // "J. Smith", "Plan B." are initials; "etc." and "Inc." are abbreviations, whatever follows.
        if (word.Length == 1 && char.IsUpper(word[0]) && i + 2 < end && char.IsUpper(text[i + 2]))
        {
            return false;
        }
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return false;
        }
        // A following lower-case word continues the sentence ("approx. five", "3 p.m. shift").
        int next = i + 1;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }
        return next >= end || !char.IsLower(text[next]);
    }

    private static void AddPiece(ReadOnlySpan<char> text, List<SentenceSpan> spans, int start, int end, SentenceKind kind)
    {
        (start, end) = Trim(text, start, end);
        for (int i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                spans.Add(new SentenceSpan(start, end - start, kind));
                return;
            }
        }
    }

    private static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    /// <summary>
    /// "Requirements:", "## Nice to have", "**What you bring**", "BENEFITS", "About the role": short lines
    /// that end in a colon, are marked up, shouted, or are a known section name.
    /// </summary>
    internal static bool IsHeading(ReadOnlySpan<char> line)
    {
        var bare = line.Trim("#*_ ");
        if (bare.IsEmpty || CountWords(bare) > MaxHeadingWords)
        {
            return false;
        }
        if (bare[^1] == ':' || line[0] == '#')
        {
            return true;
        }
        if (".!?,;".Contains(bare[^1]) || CountWords(bare) > 6)
        {
            return false;
        }
        return IsShouted(bare) || HeadingCues.Known(bare.ToString());
    }

    private static bool IsShouted(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 4;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool letter = !char.IsWhiteSpace(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }

    [GeneratedRegex(@"^(?:[-*•+>]|\d{1,2}[.)]|[A-Za-z]\)|\(\w{1,2}\))\s+")]
    private static partial Regex BulletMarker();
}

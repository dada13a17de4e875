using System.Globalization;
using System.Text;

namespace SkillsMatch.Embeddings;

/// <summary>
/// BERT uncased tokenisation (basic tokenisation, then greedy longest-match WordPiece) producing the
/// ids all-MiniLM-L6-v2 was trained on.
/// </summary>
/// <remarks>
/// Every punctuation and symbol character becomes its own token, so "C++", "C#" and "C" stay apart.
/// Unlike the original, non-ASCII symbols ("®", "€") are split off too instead of turning the word into [UNK].
/// Ours rather than a library, measured on 23,719 posting sentences, skill labels and ESCO French labels:
/// Microsoft.ML.Tokenizers 3.0.0 drops "+" (so "C++" embeds as "C") and turns accented words into [UNK];
/// FastBertTokenizer 1.2.6 keeps "C++", "C#" and ".NET" and is faster (2.7M vs 1.5M tokens/s, a rounding error
/// next to the model), but under InvariantGlobalization, which we run with, its accent folding does nothing, so
/// "Résumé", "Montréal" or "Zürich" become [UNK] (10,672 of the 23,719 texts encode differently).
/// </remarks>
public sealed class BertTokenizer
{
    private const int MaxCharsPerWord = 100;
    private const string Continuation = "##";

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _tokens;
    private readonly int _unknownId;
    private readonly int _classifyId;
    private readonly int _separatorId;

    /// <param name="vocabulary">The vocab.txt lines: a token's id is its line number, from 0.</param>
    /// <param name="maxTokens">Longest sequence the model accepts, [CLS] and [SEP] included.</param>
    public BertTokenizer(IEnumerable<string> vocabulary, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        _tokens = [.. vocabulary];
        var ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (int id = 0; id < _tokens.Length; id++)
        {
            ids.TryAdd(_tokens[id], id);
        }
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _unknownId = RequiredId(ids, "[UNK]");
        _classifyId = RequiredId(ids, "[CLS]");
        _separatorId = RequiredId(ids, "[SEP]");
        PaddingId = RequiredId(ids, "[PAD]");
        MaxTokens = maxTokens;
    }

    /// <summary>Longest encoding returned by <see cref="Encode"/>; longer text is truncated.</summary>
    public int MaxTokens { get; }

    /// <summary>Id of [PAD], which fills the rows of a batch up to its longest sequence.</summary>
    public int PaddingId { get; }

    /// <summary>Reads a vocab.txt (one token per line, LF or CRLF).</summary>
    public static BertTokenizer Load(Stream vocabulary, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        using var reader = new StreamReader(vocabulary, Encoding.UTF8, leaveOpen: true);
        var lines = new List<string>(32_000);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return new BertTokenizer(lines, maxTokens);
    }

    /// <summary>[CLS], the word pieces of <paramref name="text"/> (truncated to fit), [SEP].</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int budget = MaxTokens - 2;
        var ids = new List<int>(Math.Min(budget, text.Length) + 2) { _classifyId };
        string words = SeparateWords(text);
        foreach (Range range in words.AsSpan().Split(' '))
        {
            if (ids.Count > budget)
            {
                break;
            }
            ReadOnlySpan<char> word = words.AsSpan()[range];
            if (!word.IsEmpty)
            {
                AppendWordPieces(word, ids);
            }
        }
        if (ids.Count > budget + 1)
        {
            ids.RemoveRange(budget + 1, ids.Count - budget - 1);
        }
        ids.Add(_separatorId);
        return [.. ids];
    }

    /// <summary>The word pieces of <paramref name="text"/> as strings, without [CLS] and [SEP].</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        int[] ids = Encode(text);
        var pieces = new string[ids.Length - 2];
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i] = _tokens[ids[i + 1]];
        }
        return pieces;
    }

    /// <summary>
    /// BERT basic tokenisation: lower-case, strip accents, drop control characters, and put single
    /// spaces between words, punctuation/symbol characters and CJK ideographs.
    /// </summary>
    internal static string SeparateWords(string text)
    {
        var words = new StringBuilder(text.Length + 8);
        foreach (Rune original in text.EnumerateRunes())
        {
            Rune rune = Rune.ToLowerInvariant(original);
            if (!rune.IsAscii && AccentStripper.TryDecompose(rune, out string decomposed))
            {
                // Lower-cased again: "İ" has no single-letter lower case and decomposes to "I" + dot.
                foreach (Rune part in decomposed.EnumerateRunes())
                {
                    AppendCharacter(words, Rune.ToLowerInvariant(part));
                }
            }
            else
            {
                AppendCharacter(words, rune);
            }
        }
        return words.ToString();
    }

    private static void AppendCharacter(StringBuilder words, Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            words.Append(' ');
            return;
        }
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            || rune == Rune.ReplacementChar)
        {
            return;
        }
        if (category is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherSymbol
            || IsCjkIdeograph(rune.Value))
        {
            words.Append(' ').Append(rune.ToString()).Append(' ');
            return;
        }
        words.Append(rune.ToString());
    }

    // The CJK Unified Ideographs blocks BERT's tokenizer treats as one word per character (Korean and
    // Japanese kana are written with spaces or are not in these blocks).
    private static bool IsCjkIdeograph(int codePoint) => codePoint is
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
        or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private void AppendWordPieces(ReadOnlySpan<char> word, List<int> ids)
    {
        if (word.Length > MaxCharsPerWord)
        {
            ids.Add(_unknownId);
            return;
        }
        // "##" + word; a continuation piece starting at `start` is pieceBuffer[start..end+2] once
        // the two characters before it (already consumed) are overwritten with "##".
        Span<char> pieceBuffer = stackalloc char[word.Length + Continuation.Length];
        word.CopyTo(pieceBuffer[Continuation.Length..]);
        int firstPiece = ids.Count;
        int start = 0;
        while (start < word.Length)
        {
            int end = word.Length;
            int id = -1;
            if (start > 0)
            {
                Continuation.CopyTo(pieceBuffer[start..]);
            }
            while (end > start)
            {
                ReadOnlySpan<char> piece = start == 0 ? word[..end] : pieceBuffer[start..(end + Continuation.Length)];
                if (_lookup.TryGetValue(piece, out id))
                {
                    break;
                }
                id = -1;
                end--;
            }
            if (id < 0)
            {
                ids.RemoveRange(firstPiece, ids.Count - firstPiece);
                ids.Add(_unknownId);
                return;
            }
            ids.Add(id);
            start = end;
        }
    }

    private static int RequiredId(Dictionary<string, int> ids, string token) =>
        ids.TryGetValue(token, out int id) ? id : throw new InvalidDataException($"The vocabulary has no {token} token.");
}

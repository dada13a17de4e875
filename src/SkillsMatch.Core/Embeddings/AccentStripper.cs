using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Unicode NFD followed by removal of nonspacing marks, as BERT's uncased tokenisation does.
/// </summary>
/// <remarks>
/// Our own table because <see cref="string.Normalize()"/> does nothing beyond ASCII when the app runs
/// with InvariantGlobalization (no ICU): "résumé" would stay "résumé" and become [UNK].
/// </remarks>
internal static partial class AccentStripper
{
    // Unicode §3.12 Conjoining Jamo Behavior: Hangul syllables decompose arithmetically.
    private const int HangulBase = 0xAC00, HangulCount = 11172, LeadBase = 0x1100, VowelBase = 0x1161,
        TrailBase = 0x11A7, VowelCount = 21, TrailCount = 28;

    private static readonly FrozenDictionary<int, string> Decompositions = ParseTable();

    /// <summary>The text with accents removed ("Québec" → "Quebec").</summary>
    public static string Strip(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (AccentStripper.TryDecompose(rune, out var decomposed)) folded.Append(decomposed);
            else folded.Append(rune.ToString());
        }
        return folded.ToString();
    }

    /// <summary>The rune's decomposition without nonspacing marks, when it differs from the rune.</summary>
    public static bool TryDecompose(Rune rune, out string decomposed)
    {
        int offset = rune.Value - HangulBase;
        if (offset is >= 0 and < HangulCount)
        {
            int lead = LeadBase + offset / (VowelCount * TrailCount);
            int vowel = VowelBase + offset % (VowelCount * TrailCount) / TrailCount;
            int trail = offset % TrailCount;
            decomposed = trail == 0
                ? string.Concat((char)lead, (char)vowel)
                : string.Concat((char)lead, (char)vowel, (char)(TrailBase + trail));
            return true;
        }
        return Decompositions.TryGetValue(rune.Value, out decomposed!);
    }

    private static FrozenDictionary<int, string> ParseTable()
    {
        var table = new Dictionary<int, string>();
        var builder = new StringBuilder();
        foreach (var entry in Table.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            builder.Clear();
            foreach (var part in entry[(colon + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(new Rune(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            }
            table[int.Parse(entry.AsSpan(0, colon), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = builder.ToString();
        }
        return table.ToFrozenDictionary();
    }
}

using System.Globalization;
using System.Text;

namespace SkillsMatch.Extraction;

/// <summary>
/// Makes pasted postings, PDFs and CVs look alike before matching: NFC, one kind of quote, dash, bullet,
/// space and line break. Everything skill names are made of (C++, C#, .NET, Node.js, CI/CD, R&amp;D) is kept.
/// </summary>
public static class TextNormalizer
{
    public const char Bullet = '•';

    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new char[text.Length + 16];
        var starts = new int[output.Length];
        var ends = new int[output.Length];
        int n = 0;

        void Emit(char c, int from, int to)
        {
            if (n == output.Length)
            {
                Array.Resize(ref output, n * 2);
                Array.Resize(ref starts, n * 2);
                Array.Resize(ref ends, n * 2);
            }
            output[n] = c;
            starts[n] = from;
            ends[n] = to;
            n++;
        }

        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\r')
            {
                int to = i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
                Emit('\n', i, to);
                i = to;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Emit(c, i, i + 2);
                Emit(text[i + 1], i, i + 2);
                i += 2;
                continue;
            }

            if (c < '\u0080' && c >= ' ' && c != '`' && (i + 1 == text.Length || text[i + 1] < '\u0300'))
            {
                Emit(c, i, i + 1);
                i++;
                continue;
            }

            int runEnd = i + 1;
            while (runEnd < text.Length && IsCombiningMark(text[runEnd]))
            {
                runEnd++;
            }
            if (runEnd > i + 1)
            {
                foreach (char composed in Compose(text[i..runEnd]))
                {
                    Emit(composed, i, runEnd);
                }
                i = runEnd;
                continue;
            }

            switch (c)
            {
                case '\uFB01':
                    Emit('f', i, i + 1);
                    Emit('i', i, i + 1);
                    break;
                case '\uFB02':
                    Emit('f', i, i + 1);
                    Emit('l', i, i + 1);
                    break;
                default:
                    char replacement = Replace(c);
                    if (replacement != '\0')
                    {
                        Emit(replacement, i, i + 1);
                    }
                    break;
            }
            i++;
        }
        return new NormalizedText(text, new string(output, 0, n), starts, ends);
    }

    /// <summary>The character to keep for <paramref name="c"/>, or '\0' to drop it.</summary>
    private static char Replace(char c) => c switch
    {
        '\n' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f' => '\n',
        '\t' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        // Zero-width characters, the soft hyphen, a BOM and bidi marks, embeddings, overrides and isolates come from web
        // pages, PDFs and pastes (or an attacker) and split words invisibly: a skill must not hide behind them.
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => '\0',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D' => '-',
        '\u00B7' or '\u2022' or '\u2023' or '\u2043' or '\u25AA' or '\u25AB' or '\u25CF' or '\u25E6' or '\u25A0'
            or '\u25A1' or '\u25B8' or '\u25BA' or '\u27A2' or '\u2713' or '\u2714' or '\u2756' or '\u2219' => Bullet,
        '\u2044' or '\u2215' => '/',
        '\uFF06' => '&',
        // Fullwidth ASCII (U+FF01–FF5E) as typed by East Asian input methods.
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ when char.IsControl(c) => ' ',
        _ => c,
    };

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    private static string Compose(string run)
    {
        try
        {
            return run.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Ill-formed sequences stay as written; the matcher folds accents in its keys anyway.
            return run;
        }
    }
}

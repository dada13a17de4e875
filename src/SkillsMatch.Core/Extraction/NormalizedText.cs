namespace SkillsMatch.Extraction;

/// <summary>
/// Text after <see cref="TextNormalizer"/>, with the way back: every normalised character knows the range
/// of original characters it came from, so spans found here can be reported against what the user sent.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _originalStart;
    private readonly int[] _originalEnd;

    internal NormalizedText(string original, string text, int[] originalStart, int[] originalEnd)
    {
        Original = original;
        Text = text;
        _originalStart = originalStart;
        _originalEnd = originalEnd;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>The original span covering normalised characters [start, start + length).</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Text.Length);
        if (length == 0)
        {
            int at = start < Text.Length ? _originalStart[start] : Original.Length;
            return (at, 0);
        }
        int originalStart = _originalStart[start];
        return (originalStart, _originalEnd[start + length - 1] - originalStart);
    }
}

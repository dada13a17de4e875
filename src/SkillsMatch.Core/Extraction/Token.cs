namespace SkillsMatch.Extraction;

[Flags]
internal enum TokenFlags
{
    None = 0,
    Word = 1,
    Punctuation = 2,
    LineBreak = 4,
    /// <summary>Joined to the previous word by a hyphen, as "code" in "no-code".</summary>
    HyphenBefore = 8,
    HyphenAfter = 16,
}

/// <summary>A token of normalised text: its span there and the key labels are compared on.</summary>
internal readonly record struct Token(int Start, int Length, string Key, TokenFlags Flags)
{
    public int End => Start + Length;

    public bool IsWord => (Flags & TokenFlags.Word) != 0;

    public bool Is(TokenFlags flag) => (Flags & flag) != 0;
}

namespace SkillsMatch.Extraction;

/// <summary>
/// A label found in text. Start and Length are offsets into the ORIGINAL text, so
/// <c>text.Substring(Start, Length) == MatchedText</c>.
/// </summary>
/// <param name="Ambiguous">
/// The label is too short to trust alone ("R", "Go", "AD") or a capitalised name found in lower case
/// ("excel at", "python" in a sentence): the fusion step should ask for corroboration.
/// </param>
public sealed record LexicalMatch(
    long SkillId, int Start, int Length, string MatchedText, string Label, bool IsPreferred, bool Ambiguous);

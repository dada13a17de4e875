namespace SkillsMatch.Extraction;

/// <summary>
/// A label found in text. Start and Length are offsets into the ORIGINAL text, so
/// <c>text.Substring(Start, Length) == MatchedText</c>.
/// </summary>
/// <param name="Ambiguous">
/// The label is too short to trust alone ("R", "Go", "AD") or a capitalised name found in lower case
/// ("excel at", "python" in a sentence): the fusion step should ask for corroboration by the sentence.
/// </param>
/// <param name="LooseAlias">
/// A one-word, lower-case alternative label ("reporting" for journalism, "data" for statistics, "finance" for
/// economics): taxonomies such as ESCO list broader or related terms as aliases, so the fusion step asks for
/// corroboration by the meaning of the words around it.
/// </param>
public sealed record LexicalMatch(
    long SkillId, int Start, int Length, string MatchedText, string Label, bool IsPreferred, bool Ambiguous, bool LooseAlias)
{
    /// <summary>The label alone does not settle the skill: the fusion step asks for agreement in meaning.</summary>
    public bool NeedsCorroboration => Ambiguous || LooseAlias;
}

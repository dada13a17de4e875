namespace SkillsMatch.Extraction;

/// <summary>A skill found in a sentence, with what the clause around it says about it.</summary>
/// <param name="Negated">The clause denies the skill ("no SQL experience required"); the pipeline drops it.</param>
public sealed record SkillMention(LexicalMatch Match, bool Negated, RequirementCue Requirement, LevelCue Level);

/// <summary>A sentence, bullet item or heading; Start and Length are offsets into the original text.</summary>
/// <param name="Requirement">The sentence's own cue, else the one carried from its heading or list.</param>
/// <param name="Section">The part of the posting it sits in (its lead-in's, else the last heading's).</param>
/// <param name="NamesSkills">False in benefits, company, legal and application text and in such boilerplate anywhere:
/// no skill is taken from it, by label or by meaning.</param>
public sealed record AnalyzedSentence(
    int Start, int Length, string Text, SentenceKind Kind, RequirementCue Requirement, LevelCue Level,
    IReadOnlyList<SkillMention> Mentions, PostingSection Section = PostingSection.None, bool NamesSkills = true);

/// <summary>Everything the text side of extraction finds in one text, sentence by sentence.</summary>
public sealed record AnalyzedText(string Text, IReadOnlyList<AnalyzedSentence> Sentences)
{
    public IEnumerable<SkillMention> Mentions => Sentences.SelectMany(s => s.Mentions);
}

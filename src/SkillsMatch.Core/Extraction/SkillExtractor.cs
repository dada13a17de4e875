using Microsoft.Extensions.AI;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Extraction;

/// <summary>
/// Text → taxonomy skills. The text side (<see cref="TextAnalysis"/>) finds labels with their cues; the
/// semantic side embeds the sentences, or the phrases of them labels leave unexplained, that can still add a skill
/// (<see cref="SemanticSelection"/>) and finds
/// the closest skills; fusion keeps labels (corroborating
/// the ambiguous ones by meaning), adds skills found by meaning alone above a calibrated floor, and drops
/// anything a negation denies.
/// </summary>
public sealed class SkillExtractor(
    ExtractionModels models, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, ExtractionCalibration? calibration = null)
{
    private readonly ExtractionCalibration numbers = calibration ?? new ExtractionCalibration();

    public ExtractionCalibration Calibration => numbers;

    public async Task<ExtractionResult> ExtractAsync(string text, int taxonomyId, ExtractionOptions options, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var model = await models.ForTaxonomyAsync(taxonomyId, ct);
        var language = TextLanguage.Detect(text);
        var analyzed = TextAnalysis.Analyze(text, language == TextLanguage.French || TextLanguage.HasFrenchLine(text) ? model.FrenchMatcher : model.Matcher);
        var sentences = analyzed.Sentences;
        var sentenceVectors = new List<EmbeddedText>?[sentences.Count];
        // The embedding model reads English only: a French sentence (its own words, else the posting's) is matched by its labels alone.
        var french = sentences.Select(s => TextLanguage.Detect(s.Text, language) == TextLanguage.French).ToArray();
        if (!options.LexicalOnly && embeddings is not null && model.Vectors.Count > 0 && sentences.Count > 0)
        {
            var queries = SemanticSelection.Select(sentences, numbers.SemanticWordBudget, linking: options.LinkTopK is not null)
                .Where(q => !french[q.Sentence]).ToList();
            if (queries.Count > 0)
            {
                // Embedded gender-neutral, so the same duties give the same skills whoever they are written about.
                var neutral = queries.Select(q => GenderNeutralText.Rewrite(q.Text)).ToList();
                var texts = neutral.Distinct(StringComparer.Ordinal).ToList();
                var generated = await embeddings.GenerateAsync(texts, cancellationToken: ct);
                var vectors = generated.Select(e => e.Vector).ToList();
                var nearest = model.Vectors.Nearest(vectors, Math.Max(numbers.SemanticCandidates, options.LinkTopK ?? 0));
                var byText = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
                for (var i = 0; i < texts.Count; i++) byText[texts[i]] = i;
                for (var n = 0; n < queries.Count; n++)
                {
                    var q = queries[n];
                    var i = byText[neutral[n]];
                    (sentenceVectors[q.Sentence] ??= []).Add(new EmbeddedText(vectors[i], nearest[i],
                        new EvidenceSpan(q.Start, q.Length, text.Substring(q.Start, q.Length)), q.IsPhrase));
                }
            }
        }

        var perSentence = new List<Dictionary<long, Candidate>>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
            perSentence.Add(Fuse(model, sentences[i], sentenceVectors[i], french[i]));

        var threshold = options.Threshold ?? numbers.Threshold;
        var skills = Aggregate(model, sentences, perSentence, threshold);
        var links = options.LinkTopK is { } k
            ? sentences.Select((s, i) => new SentenceLinks(s.Start, s.Length, s.Text, perSentence[i].Values
                .OrderByDescending(c => c.Score).Take(k)
                .Select(c => new SkillCandidate(c.SkillId, model.Skills[c.SkillId].ExternalId, model.Skills[c.SkillId].Label, c.Score, c.Method))
                .ToList())).ToList()
            : null;
        SkillsMatchTelemetry.Extracted(started, semantic: !options.LexicalOnly && embeddings is not null, skills.Count);
        return new ExtractionResult(skills, links);
    }

    /// <param name="french">
    /// A French sentence is never embedded, so a loose alias in it ("bilinguisme", "paie") cannot be corroborated by meaning;
    /// it counts as the alternative label it is. Short and case-mismatched names stay ambiguous.
    /// </param>
    private Dictionary<long, Candidate> Fuse(ExtractionModel model, AnalyzedSentence sentence, List<EmbeddedText>? vectors, bool french)
    {
        var found = new Dictionary<long, Candidate>();
        var denied = new HashSet<long>();
        foreach (var mention in sentence.Mentions)
        {
            var match = mention.Match;
            if (mention.Negated) { denied.Add(match.SkillId); continue; }
            var cosine = vectors?.Max(v => model.Vectors.Similarity(match.SkillId, v.Vector.Span));
            double score;
            var method = ExtractionMethod.Lexical;
            if (match.Ambiguous || (match.LooseAlias && !french))
            {
                // A loose alias is judged by the phrase it stands in (kept whole for that), an ambiguous name by its sentence.
                var corroborated = match.LooseAlias
                    ? vectors?.Exists(v => model.Vectors.Similarity(match.SkillId, v.Vector.Span) >= (v.IsPhrase ? numbers.AliasPhraseCorroboration : numbers.Corroboration)) == true
                    : cosine >= numbers.Corroboration;
                score = corroborated ? 0.75 + 0.1 * cosine!.Value : numbers.AmbiguousLabel;
                if (corroborated) method = ExtractionMethod.Both;
            }
            else
            {
                score = match.IsPreferred ? numbers.PreferredLabel : numbers.AltLabel;
                var meaningAgrees = vectors?.Exists(v =>
                    model.Vectors.Similarity(match.SkillId, v.Vector.Span) >= (v.IsPhrase ? numbers.PhraseFloor : numbers.SemanticFloor)) == true;
                if (meaningAgrees) { method = ExtractionMethod.Both; score = Math.Min(0.99, score + 0.05); }
            }
            var span = new EvidenceSpan(match.Start, match.Length, match.MatchedText);
            if (found.TryGetValue(match.SkillId, out var existing))
                found[match.SkillId] = existing with { Score = Math.Max(existing.Score, score), Spans = [.. existing.Spans, span] };
            else
                found[match.SkillId] = new Candidate(match.SkillId, score, method, [span], mention.Requirement, mention.Level);
        }
        foreach (var id in denied) found.Remove(id);

        if (vectors is not null)
        {
            var words = LabelOverlap.SentenceWords(sentence.Text);
            var semantic = new Dictionary<long, (double Confidence, EvidenceSpan Span)>();
            foreach (var (_, nearest, span, isPhrase) in vectors)
                foreach (var (skillId, cosine) in nearest)
                {
                    if (found.ContainsKey(skillId) || denied.Contains(skillId)) continue;
                    var evidence = cosine + numbers.LabelOverlapWeight * model.Overlap.Of(skillId, words);
                    var confidence = isPhrase ? numbers.PhraseConfidence(evidence) : numbers.SemanticConfidence(evidence);
                    if (!semantic.TryGetValue(skillId, out var known) || confidence > known.Confidence) semantic[skillId] = (confidence, span);
                }
            foreach (var (skillId, (confidence, span)) in semantic)
                found[skillId] = new Candidate(skillId, confidence, ExtractionMethod.Semantic, [span], sentence.Requirement, sentence.Level);
        }
        return found;
    }

    private static List<ExtractedSkill> Aggregate(
        ExtractionModel model, IReadOnlyList<AnalyzedSentence> sentences, List<Dictionary<long, Candidate>> perSentence, double threshold)
    {
        var best = new Dictionary<long, (Candidate Candidate, int Sentence, List<EvidenceSpan> Spans, RequirementCue Requirement, LevelCue Level)>();
        for (var i = 0; i < perSentence.Count; i++)
        {
            foreach (var c in perSentence[i].Values)
            {
                if (c.Score < threshold) continue;
                if (!best.TryGetValue(c.SkillId, out var known))
                {
                    best[c.SkillId] = (c, i, [.. c.Spans], c.Requirement, c.Level);
                    continue;
                }
                known.Spans.AddRange(c.Spans);
                var requirement = Stronger(known.Requirement, c.Requirement);
                var level = known.Level.IsNone || (c.Level.MinYears ?? 0) > (known.Level.MinYears ?? 0) ? c.Level : known.Level;
                best[c.SkillId] = c.Score > known.Candidate.Score ? (c, i, known.Spans, requirement, level) : (known.Candidate, known.Sentence, known.Spans, requirement, level);
            }
        }
        return best.Values
            .Select(b => new ExtractedSkill(b.Candidate.SkillId, model.Skills[b.Candidate.SkillId].ExternalId, model.Skills[b.Candidate.SkillId].Label,
                Math.Round(b.Candidate.Score, 3), b.Candidate.Method, b.Spans.Distinct().ToList(), b.Requirement, b.Level, sentences[b.Sentence].Text))
            .OrderByDescending(s => s.Confidence).ThenBy(s => s.Spans[0].Start)
            .ToList();
    }

    private static RequirementCue Stronger(RequirementCue a, RequirementCue b) =>
        a == RequirementCue.Required || b == RequirementCue.Required ? RequirementCue.Required
        : a == RequirementCue.Preferred || b == RequirementCue.Preferred ? RequirementCue.Preferred
        : RequirementCue.None;

    /// <summary>A vector of the sentence or of one of its phrases, its nearest skills, and the text it came from.</summary>
    private readonly record struct EmbeddedText(
        ReadOnlyMemory<float> Vector, IReadOnlyList<(long SkillId, double Score)> Nearest, EvidenceSpan Span, bool IsPhrase);

    private sealed record Candidate(long SkillId, double Score, ExtractionMethod Method, IReadOnlyList<EvidenceSpan> Spans, RequirementCue Requirement, LevelCue Level);
}

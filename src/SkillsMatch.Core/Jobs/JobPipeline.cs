using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>A posting with what the pipeline found: its skills (working taxonomy), its top occupations and its vector.</summary>
/// <param name="EmbeddingModel">The model the vector was made with (stored beside it, so `jobs reembed` finds vectors of another).</param>
public sealed record ProcessedPosting(JobPosting Posting, IReadOnlyList<ExtractedSkill> Skills, IReadOnlyList<OccupationMatch> Occupations, float[]? Embedding,
    string? EmbeddingModel = null);

/// <summary>
/// What every posting goes through before it is stored: skills from title, description, skills field and
/// requirements (required/preferred and level cues come with them); the top occupations for its title and
/// text; and one vector (<see cref="EmbeddingText.ForPosting"/>), which the classifier reuses as its title + text
/// vector. Postings are extracted and classified in parallel and embedded in one batch. The posting vectors come from
/// the generator registered under <see cref="EmbeddingsServiceCollectionExtensions.PostingKey"/> (int8 by default).
/// </summary>
public sealed class JobPipeline(
    SkillExtractor extractor, OccupationClassifier classifier, WorkingTaxonomy working, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    public const int TopOccupations = 3;

    /// <summary>The model posting vectors are made with, or null when there is no generator.</summary>
    public string? PostingVectorModel { get; } = embeddings?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;

    /// <summary>Posting vectors (<see cref="EmbeddingText.ForPosting"/>) for the given texts, in one embedding call.</summary>
    public async Task<float[][]> EmbedPostingsAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (embeddings is null) throw new InvalidOperationException("No embedding generator is configured.");
        return [.. (await embeddings.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector.ToArray())];
    }

    /// <summary>Busy time per stage since this pipeline was made (bench jobs prints it).</summary>
    public JobImportProfile Profile { get; } = new();

    /// <param name="parallelism">Postings extracted and classified at once; bulk import runs one worker per core with 1.</param>
    public async Task<IReadOnlyList<ProcessedPosting>> ProcessAsync(IReadOnlyList<JobPosting> postings, CancellationToken ct, int parallelism = 0)
    {
        var taxonomyId = await working.GetIdAsync(ct);
        var skills = new IReadOnlyList<ExtractedSkill>[postings.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForAsync(0, postings.Count, parallel, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var extracted = await extractor.ExtractAsync(postings[i].ExtractionText(), taxonomyId, new ExtractionOptions(), token);
            skills[i] = PostingRequirements.Apply(postings[i], extracted.Skills);
            Profile.AddExtraction(started);
        });

        // The posting vector (title, skills, start of the text) is also the classifier's title + text vector: the
        // long text, the costliest thing to embed, is embedded once per posting, for the whole batch at once.
        float[][]? vectors = null;
        if (embeddings is not null && postings.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var texts = postings.Select((p, i) => EmbeddingText.ForPosting(p.Title, skills[i].Select(s => s.Label), p.Description)).ToList();
            vectors = await EmbedPostingsAsync(texts, ct);
            Profile.AddPostingVectors(started);
        }

        var occupations = new IReadOnlyList<OccupationMatch>[postings.Count];
        await Parallel.ForAsync(0, postings.Count, parallel, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            occupations[i] = await classifier.ClassifyAsync(postings[i].Title, postings[i].Description,
                vectors is null ? (ReadOnlyMemory<float>?)null : vectors[i], taxonomyId, TopOccupations, token);
            Profile.AddOccupations(started);
        });
        return postings.Select((p, i) => new ProcessedPosting(p, skills[i], occupations[i], vectors?[i], vectors is null ? null : PostingVectorModel)).ToList();
    }
}

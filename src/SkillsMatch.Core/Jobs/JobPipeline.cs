using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>A posting with what the pipeline found: its skills (working taxonomy), its top occupations and its vector.</summary>
public sealed record ProcessedPosting(JobPosting Posting, IReadOnlyList<ExtractedSkill> Skills, IReadOnlyList<OccupationMatch> Occupations, float[]? Embedding);

/// <summary>
/// What every posting goes through before it is stored: skills from title, description, skills field and
/// requirements (required/preferred and level cues come with them); the top occupations for its title and
/// text; and one vector (<see cref="EmbeddingText.ForPosting"/>). Postings are processed in parallel and
/// embedded in one batch.
/// </summary>
public sealed class JobPipeline(
    SkillExtractor extractor, OccupationClassifier classifier, WorkingTaxonomy working, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    public const int TopOccupations = 3;

    /// <summary>Busy time per stage since this pipeline was made (bench jobs prints it).</summary>
    public JobImportProfile Profile { get; } = new();

    public async Task<IReadOnlyList<ProcessedPosting>> ProcessAsync(IReadOnlyList<JobPosting> postings, CancellationToken ct)
    {
        var taxonomyId = await working.GetIdAsync(ct);
        var found = new (IReadOnlyList<ExtractedSkill> Skills, IReadOnlyList<OccupationMatch> Occupations)[postings.Count];
        await Parallel.ForAsync(0, postings.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (i, token) =>
            {
                var posting = postings[i];
                var started = Stopwatch.GetTimestamp();
                var skills = await extractor.ExtractAsync(posting.ExtractionText(), taxonomyId, new ExtractionOptions(), token);
                Profile.AddExtraction(started);
                started = Stopwatch.GetTimestamp();
                var occupations = await classifier.ClassifyAsync(posting.Title, posting.Description, taxonomyId, TopOccupations, token);
                Profile.AddOccupations(started);
                found[i] = (skills.Skills, occupations);
            });

        float[][]? vectors = null;
        if (embeddings is not null && postings.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var texts = postings.Select((p, i) => EmbeddingText.ForPosting(p.Title, found[i].Skills.Select(s => s.Label), p.Description)).ToList();
            vectors = (await embeddings.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector.ToArray()).ToArray();
            Profile.AddPostingVectors(started);
        }
        return postings.Select((p, i) => new ProcessedPosting(p, found[i].Skills, found[i].Occupations, vectors?[i])).ToList();
    }
}

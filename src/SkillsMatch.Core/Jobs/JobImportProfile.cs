using System.Diagnostics;

namespace SkillsMatch.Jobs;

/// <summary>
/// Where bulk import spends its time, summed over postings (busy time per stage, so with postings processed in
/// parallel the stages add up to more than the wall clock): skill extraction (its phrase vectors included), the
/// occupation classifier (its title and title + text vectors included), the posting vectors, and storage.
/// </summary>
public sealed class JobImportProfile
{
    private long extraction, occupations, postingVectors, storage;

    public TimeSpan Extraction => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref extraction));
    public TimeSpan Occupations => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref occupations));
    public TimeSpan PostingVectors => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref postingVectors));
    public TimeSpan Storage => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref storage));

    /// <summary>Starts the sums again (a bench's warm-up is not counted).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref extraction, 0);
        Interlocked.Exchange(ref occupations, 0);
        Interlocked.Exchange(ref postingVectors, 0);
        Interlocked.Exchange(ref storage, 0);
    }

    internal void AddExtraction(long started) => Interlocked.Add(ref extraction, Stopwatch.GetTimestamp() - started);
    internal void AddOccupations(long started) => Interlocked.Add(ref occupations, Stopwatch.GetTimestamp() - started);
    internal void AddPostingVectors(long started) => Interlocked.Add(ref postingVectors, Stopwatch.GetTimestamp() - started);
    internal void AddStorage(long started) => Interlocked.Add(ref storage, Stopwatch.GetTimestamp() - started);

    public override string ToString()
    {
        var total = (Extraction + Occupations + PostingVectors + Storage).TotalSeconds;
        string Part(string name, TimeSpan time) => $"{name} {time.TotalSeconds:F1} s ({100 * time.TotalSeconds / Math.Max(total, 1e-9):F0} %)";
        return string.Join(", ", Part("extraction", Extraction), Part("occupations", Occupations),
            Part("posting vectors", PostingVectors), Part("storage", Storage));
    }
}

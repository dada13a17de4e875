using System.Text.RegularExpressions;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// Reads ESCO v1.x as published in CSV (English): a folder of the CSVs, one zip, or a folder holding the
/// classification and relations zips. Nothing is stored; <see cref="TaxonomyWriter"/> does that.
/// <list type="bullet">
/// <item>skillType "skill/competence" is Skill, "knowledge" is Knowledge; members of the language collection
/// become Language and members of the transversal collection Transversal (ESCO's curated transversal skills
/// such as "show initiative"); reuseLevel is kept as published.</item>
/// <item>broaderRelationsSkillPillar.csv gives skill parents (Broader), group membership and group parents.</item>
/// <item>The six *SkillsCollection_en.csv files become Collection groups "collection:digital" and so on.</item>
/// <item>A relation naming a concept that no concept file defines is an error, unless ESCO mentions that
/// concept in a hierarchy file (skillsHierarchy_en.csv, broaderRelationsOccPillar.csv): v1.1.1 links 67
/// skills to an occupation known only there. Such rows are skipped and reported through progress.</item>
/// </list>
/// </summary>
public static partial class EscoImporter
{
    public const string Key = "esco";

    /// <summary>Takes the version from the folder or zip name ("ESCO_v1.1.1_…zip", "esco-v1.1.1").</summary>
    public static Task<TaxonomyImport> ReadAsync(string dirOrZip, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        ReadAsync(dirOrZip, VersionFromName(dirOrZip)
            ?? throw new ArgumentException($"Cannot tell the ESCO version from '{dirOrZip}'; pass it explicitly.", nameof(dirOrZip)), progress, ct);

    public static async Task<TaxonomyImport> ReadAsync(string dirOrZip, string version, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        using var files = PublishedFiles.Open(dirOrZip);
        var reading = new EscoReading(files, new TaxonomyImport(Info(version)), progress);
        await reading.ReadConceptsAsync(ct);
        await reading.ReadRelationsAsync(ct);
        return reading.Import;
    }

    public static TaxonomyInfo Info(string version) => new(Key, version, "ESCO", "European Commission", "CC-BY-4.0",
        "ESCO – European Skills, Competences, Qualifications and Occupations, European Commission");

    /// <summary>
    /// "1.1.1" from a path whose name carries "v1.1.1", else from the files: a folder's zips' names, then the paths
    /// inside the zips (ESCO's downloads nest the CSVs in a folder such as "ESCO dataset - v1.2.0 - classification - en - csv").
    /// Null when none does (the CSVs themselves name no version).
    /// </summary>
    public static string? VersionFromName(string dirOrZip)
    {
        var names = new List<string> { Path.GetFileName(Path.TrimEndingDirectorySeparator(dirOrZip)) };
        var zips = File.Exists(dirOrZip) ? [dirOrZip]
            : Directory.Exists(dirOrZip) ? Directory.GetFiles(dirOrZip, "*.zip").Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        names.AddRange(zips.Select(Path.GetFileName)!);
        return Version(names) ?? Version(zips.SelectMany(EntryPaths));

        static string? Version(IEnumerable<string> names) =>
            names.Select(n => VersionPattern().Match(n)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
    }

    private static IEnumerable<string> EntryPaths(string zip)
    {
        try
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            return archive.Entries.Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException)
        {
            return []; // Not a zip after all; reading it reports that with the file's name.
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z])v(\d+(?:\.\d+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}

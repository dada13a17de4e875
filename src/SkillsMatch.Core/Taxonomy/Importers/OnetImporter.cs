using System.Text.RegularExpressions;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// Reads the O*NET database's tab-delimited text distribution (db_29_2_text: a folder, or its zip) into a
/// <see cref="TaxonomyImport"/>. Occupation Data.txt is required; Alternate Titles.txt, Content Model
/// Reference.txt (element descriptions), Skills.txt, Knowledge.txt and Technology Skills.txt are read when present.
/// <list type="bullet">
/// <item>Each Skills/Knowledge element is a skill (ExternalId = Element ID). An occupation's link to it joins
/// the IM (importance, 1–5) and LV (level, 0–7) rows: essential when IM ≥ 3.5, optional when 2.5 ≤ IM &lt; 3.5,
/// left out below 2.5, without an IM row, or when either row says Not Relevant = Y or Recommend Suppress = Y
/// (O*NET's own flags for "does not apply" and "too imprecise to publish").</item>
/// <item>Technology: each commodity is a tool skill "tech:" + Commodity Code, and each Example (the product
/// postings actually name, e.g. "Microsoft Excel") a tool skill "tech-example:" + Example whose broader skill is
/// its commodity. Occupations link to the examples: essential when In Demand = Y (frequent in this
/// occupation's postings), otherwise optional. Hot Technology is not used: it is a flag across all occupations.</item>
/// </list>
/// </summary>
public static partial class OnetImporter
{
    public const string Key = "onet";

    /// <summary>Takes the version from a folder or zip named like the download, db_29_2_text → "29.2".</summary>
    public static Task<TaxonomyImport> ReadAsync(string dir, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        ReadAsync(dir, VersionFromName(dir)
            ?? throw new ArgumentException($"Cannot tell the O*NET version from '{dir}' (expected a name like db_29_2_text); pass it explicitly.", nameof(dir)),
            progress, ct);

    public static async Task<TaxonomyImport> ReadAsync(string dir, string version, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        using var files = PublishedFiles.Open(dir);
        var reading = new OnetReading(files, new TaxonomyImport(Info(version)), progress);
        await reading.ReadOccupationsAsync(ct);
        await reading.ReadDescriptionsAsync(ct);
        await reading.ReadRatingsAsync("Skills.txt", SkillType.Skill, ct);
        await reading.ReadRatingsAsync("Knowledge.txt", SkillType.Knowledge, ct);
        await reading.ReadTechnologyAsync(ct);
        return reading.Finish();
    }

    /// <summary>The attribution is O*NET's required credit line for modified data (onetcenter.org/license_db.html).</summary>
    public static TaxonomyInfo Info(string version) => new(Key, version, "O*NET",
        "U.S. Department of Labor/Employment and Training Administration", "CC-BY-4.0",
        $"This page includes information from the O*NET {version} Database by the U.S. Department of Labor, Employment and Training " +
        "Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. SkillsMatch has modified " +
        "all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.");

    public static string? VersionFromName(string dir)
    {
        var match = VersionPattern().Match(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)));
        return match.Success ? $"{match.Groups[1].Value}.{match.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"^db_(\d+)_(\d+)_text(?:\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}

using System.IO.Compression;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// The files of a published taxonomy, found by name wherever the download left them: a folder of files, a
/// zip, or a folder holding the zips (ESCO ships its CSVs as two zips, classification and relations).
/// Folders inside a zip are ignored; a loose file wins over a zipped one of the same name.
/// </summary>
internal sealed class PublishedFiles : IDisposable
{
    private readonly Dictionary<string, Func<Stream>> files = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ZipArchive> zips = [];

    private PublishedFiles(string source) => Source = source;

    public string Source { get; }

    public static PublishedFiles Open(string dirOrZip)
    {
        var set = new PublishedFiles(dirOrZip);
        try
        {
            if (File.Exists(dirOrZip)) set.AddZip(dirOrZip);
            else if (Directory.Exists(dirOrZip))
            {
                var paths = Directory.GetFiles(dirOrZip).Order(StringComparer.Ordinal).ToList();
                foreach (var path in paths.Where(p => !IsZip(p)))
                    set.files.TryAdd(Path.GetFileName(path), () => OpenFile(path));
                foreach (var path in paths.Where(IsZip)) set.AddZip(path);
            }
            else throw new DirectoryNotFoundException($"'{dirOrZip}' is neither a folder nor a zip file");
            return set;
        }
        catch
        {
            set.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => files.ContainsKey(name);

    /// <summary>Opens a file by name; a missing file is reported as line 0 of that file.</summary>
    public Stream OpenStream(string name) =>
        files.TryGetValue(name, out var open) ? open() : throw new TaxonomyFormatException(name, 0, $"file is missing from {Source}");

    private void AddZip(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException e) { throw new TaxonomyFormatException(Path.GetFileName(path), 0, $"not a readable zip file: {e.Message}"); }
        zips.Add(zip);
        foreach (var entry in zip.Entries)
        {
            if (entry.Name.Length == 0 || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue;
            files.TryAdd(entry.Name, entry.Open);
        }
    }

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Dispose()
    {
        foreach (var zip in zips) zip.Dispose();
    }
}

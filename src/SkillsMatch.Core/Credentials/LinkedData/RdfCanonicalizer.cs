using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024). Blank nodes get canonical labels
/// <c>c14n0, c14n1 …</c> so that isomorphic datasets serialise to the same sorted N-Quads.
/// Hash N-Degree Quads is exponential on purpose-built "poison" graphs (§4.8 note, §6 security): every call
/// and every permutation it tries counts against <see cref="MaxWork"/>, and past it the dataset is refused with
/// <c>canonicalization-too-complex</c> instead of running for hours.
/// </summary>
public sealed class RdfCanonicalizer
{
    public const string TooComplex = "canonicalization-too-complex";

    /// <summary>Default work budget: far above what credentials (a handful of blank nodes) need, well below a poison graph.</summary>
    public const int DefaultMaxWork = 20_000;

    public RdfCanonicalizer(HashAlgorithmName? hashAlgorithm = null, int maxWork = DefaultMaxWork)
    {
        HashAlgorithm = hashAlgorithm ?? HashAlgorithmName.SHA256;
        if (HashAlgorithm != HashAlgorithmName.SHA256 && HashAlgorithm != HashAlgorithmName.SHA384)
            throw new ArgumentException("RDFC-1.0 is defined with SHA-256 (default) or SHA-384", nameof(hashAlgorithm));
        MaxWork = maxWork;
    }

    public HashAlgorithmName HashAlgorithm { get; }
    public int MaxWork { get; }

    /// <summary>Canonical N-Quads of the dataset (duplicates removed, lines sorted).</summary>
    public string Canonicalize(IReadOnlyList<RdfQuad> quads) => Run(quads).NQuads;

    /// <summary>Canonical N-Quads plus the input-label → canonical-label map (§4.4.3 "issued identifiers map").</summary>
    public CanonicalDataset Run(IReadOnlyList<RdfQuad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        // A dataset is a set (RDF 1.1 Concepts §4): a repeated quad would count twice in the hashes.
        return new State(this, [.. new HashSet<RdfQuad>(quads)]).Run();
    }

    private sealed class State(RdfCanonicalizer owner, IReadOnlyList<RdfQuad> quads)
    {
        private readonly Dictionary<string, List<RdfQuad>> _quadsByBlank = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _firstDegree = new(StringComparer.Ordinal);
        private readonly IdentifierIssuer _canonical = new("c14n");
        private readonly StringBuilder _line = new(256);
        private int _work;

        public CanonicalDataset Run()
        {
            // §4.4.3 step 2: the blank node to quads map.
            foreach (var quad in quads)
            {
                Note(quad.Subject, quad);
                Note(quad.Object, quad);
                if (quad.Graph is { } g) Note(g, quad);
            }

            // Steps 3–4: first-degree hashes; nodes whose hash is unique get their canonical label now.
            var byHash = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var blank in _quadsByBlank.Keys)
            {
                var hash = HashFirstDegree(blank);
                if (!byHash.TryGetValue(hash, out var list)) byHash[hash] = list = [];
                list.Add(blank);
            }
            var shared = new List<List<string>>();
            foreach (var (_, list) in byHash)
            {
                if (list.Count == 1) _canonical.Issue(list[0]);
                else shared.Add(list);
            }

            // Step 5: the rest, in order of their shared first-degree hash, by n-degree hashes.
            foreach (var list in shared)
            {
                var paths = new List<(string Hash, IdentifierIssuer Issuer)>();
                foreach (var blank in list)
                {
                    if (_canonical.Has(blank)) continue;
                    var temporary = new IdentifierIssuer("b");
                    temporary.Issue(blank);
                    paths.Add(HashNDegree(blank, temporary));
                }
                paths.Sort((a, b) => string.CompareOrdinal(a.Hash, b.Hash));
                foreach (var (_, issuer) in paths)
                    foreach (var existing in issuer.Order)
                        _canonical.Issue(existing);
            }

            // Step 6: relabel, serialise, sort, drop duplicates.
            var lines = new List<string>(quads.Count);
            foreach (var quad in quads)
            {
                _line.Clear();
                AppendRelabelled(quad.Subject);
                _line.Append(' ');
                AppendRelabelled(quad.Predicate);
                _line.Append(' ');
                AppendRelabelled(quad.Object);
                if (quad.Graph is { } g)
                {
                    _line.Append(' ');
                    AppendRelabelled(g);
                }
                _line.Append(" .\n");
                lines.Add(_line.ToString());
            }
            // Sorted once, then equal neighbours skipped: cheaper than keeping a sorted set while inserting.
            lines.Sort(StringComparer.Ordinal);
            var output = new StringBuilder(lines.Count * 96);
            for (var i = 0; i < lines.Count; i++)
                if (i == 0 || !string.Equals(lines[i], lines[i - 1], StringComparison.Ordinal)) output.Append(lines[i]);
            return new CanonicalDataset(output.ToString(), _canonical.Issued);
        }

        private void AppendRelabelled(RdfTerm term)
        {
            if (term.IsBlank) _line.Append("_:").Append(_canonical.Get(term.Value));
            else NQuads.AppendTerm(_line, term);
        }

        private void Note(RdfTerm term, RdfQuad quad)
        {
            if (!term.IsBlank) return;
            if (!_quadsByBlank.TryGetValue(term.Value, out var list)) _quadsByBlank[term.Value] = list = [];
            // §4.4.3 step 2: a quad is listed once per distinct blank node it mentions.
            if (list.Count == 0 || !ReferenceEquals(list[^1], quad)) list.Add(quad);
        }

        /// <summary>§4.6 Hash First Degree Quads: the node's quads with itself as _:a and other blank nodes as _:z.</summary>
        private string HashFirstDegree(string blank)
        {
            if (_firstDegree.TryGetValue(blank, out var cached)) return cached;
            var lines = new List<string>();
            foreach (var quad in _quadsByBlank[blank])
            {
                _line.Clear();
                AppendFirstDegree(quad.Subject, blank);
                _line.Append(' ');
                AppendFirstDegree(quad.Predicate, blank);
                _line.Append(' ');
                AppendFirstDegree(quad.Object, blank);
                if (quad.Graph is { } g)
                {
                    _line.Append(' ');
                    AppendFirstDegree(g, blank);
                }
                _line.Append(" .\n");
                lines.Add(_line.ToString());
            }
            lines.Sort(StringComparer.Ordinal);
            return _firstDegree[blank] = Hash(string.Concat(lines));
        }

        private void AppendFirstDegree(RdfTerm term, string reference)
        {
            if (term.IsBlank) _line.Append(term.Value == reference ? "_:a" : "_:z");
            else NQuads.AppendTerm(_line, term);
        }

        /// <summary>§4.7 Hash Related Blank Node.</summary>
        private string HashRelated(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
        {
            var sb = new StringBuilder();
            sb.Append(position);
            if (position != 'g')
            {
                sb.Append('<').Append(quad.Predicate.Value).Append('>');
            }
            if (_canonical.TryGet(related, out var id) || issuer.TryGet(related, out id)) sb.Append("_:").Append(id);
            else sb.Append(HashFirstDegree(related));
            return Hash(sb.ToString());
        }

        /// <summary>§4.8 Hash N-Degree Quads.</summary>
        private (string Hash, IdentifierIssuer Issuer) HashNDegree(string blank, IdentifierIssuer issuer)
        {
            Spend();
            var related = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var quad in _quadsByBlank[blank])
            {
                Relate(quad.Subject, 's');
                Relate(quad.Object, 'o');
                if (quad.Graph is { } g) Relate(g, 'g');

                void Relate(RdfTerm term, char position)
                {
                    if (!term.IsBlank || term.Value == blank) return;
                    var hash = HashRelated(term.Value, quad, issuer, position);
                    if (!related.TryGetValue(hash, out var list)) related[hash] = list = [];
                    list.Add(term.Value);
                }
            }

            var data = new StringBuilder();
            foreach (var (hash, nodes) in related)
            {
                data.Append(hash);
                string? chosenPath = null;
                IdentifierIssuer? chosenIssuer = null;
                foreach (var permutation in Permutations(nodes))
                {
                    Spend();
                    var copy = issuer.Copy();
                    var path = new StringBuilder();
                    var recursion = new List<string>();
                    var skip = false;
                    foreach (var node in permutation)
                    {
                        if (_canonical.TryGet(node, out var id)) path.Append("_:").Append(id);
                        else
                        {
                            if (!copy.Has(node)) recursion.Add(node);
                            path.Append("_:").Append(copy.Issue(node));
                        }
                        if (Worse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }
                    if (skip) continue;
                    foreach (var node in recursion)
                    {
                        var result = HashNDegree(node, copy);
                        path.Append("_:").Append(copy.Issue(node)).Append('<').Append(result.Hash).Append('>');
                        copy = result.Issuer;
                        if (Worse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }
                    if (skip) continue;
                    var candidate = path.ToString();
                    if (chosenPath is null || string.CompareOrdinal(candidate, chosenPath) < 0)
                    {
                        chosenPath = candidate;
                        chosenIssuer = copy;
                    }
                }
                data.Append(chosenPath);
                issuer = chosenIssuer!;
            }
            return (Hash(data.ToString()), issuer);
        }

        /// <summary>§4.8.3 step 5.4.4.3: a path already longer-or-equal and greater than the chosen one cannot win.</summary>
        private static bool Worse(StringBuilder path, string? chosen) =>
            chosen is not null && path.Length >= chosen.Length && string.CompareOrdinal(path.ToString(), chosen) > 0;

        private void Spend()
        {
            if (++_work > owner.MaxWork)
                throw new LinkedDataException(TooComplex, $"canonicalising this dataset needs more than {owner.MaxWork} steps of Hash N-Degree Quads (RDFC-1.0 §4.8); refused as a possible poison graph");
        }

        private static IEnumerable<string[]> Permutations(List<string> items)
        {
            // Heap's algorithm; the order does not matter since the lexicographically least path is chosen.
            var a = items.ToArray();
            var c = new int[a.Length];
            yield return (string[])a.Clone();
            var i = 0;
            while (i < a.Length)
            {
                if (c[i] < i)
                {
                    if (i % 2 == 0) (a[0], a[i]) = (a[i], a[0]);
                    else (a[c[i]], a[i]) = (a[i], a[c[i]]);
                    yield return (string[])a.Clone();
                    c[i]++;
                    i = 0;
                }
                else
                {
                    c[i] = 0;
                    i++;
                }
            }
        }

        private string Hash(string text)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                var length = Encoding.UTF8.GetBytes(text, buffer);
                Span<byte> digest = stackalloc byte[48];
                var written = owner.HashAlgorithm == HashAlgorithmName.SHA384
                    ? SHA384.HashData(buffer.AsSpan(0, length), digest)
                    : SHA256.HashData(buffer.AsSpan(0, length), digest);
                return Convert.ToHexStringLower(digest[..written]);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>§4.5 Issue Identifier algorithm: labels prefix0, prefix1 … in order of first request.</summary>
    private sealed class IdentifierIssuer(string prefix)
    {
        private Dictionary<string, string> _issued = new(StringComparer.Ordinal);
        private List<string> _order = [];

        public IReadOnlyList<string> Order => _order;
        public IReadOnlyDictionary<string, string> Issued => _issued;

        public bool Has(string existing) => _issued.ContainsKey(existing);

        public bool TryGet(string existing, out string id) => _issued.TryGetValue(existing, out id!);

        public string Get(string existing) => _issued[existing];

        public string Issue(string existing)
        {
            if (_issued.TryGetValue(existing, out var id)) return id;
            id = prefix + _order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _issued[existing] = id;
            _order.Add(existing);
            return id;
        }

        public IdentifierIssuer Copy() => new(prefix) { _issued = new(_issued, StringComparer.Ordinal), _order = [.. _order] };
    }
}

/// <summary>The canonical N-Quads and the map from input blank node labels to canonical labels.</summary>
public sealed record CanonicalDataset(string NQuads, IReadOnlyDictionary<string, string> IssuedIdentifiers);

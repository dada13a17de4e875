namespace SkillsMatch.Credentials.LinkedData;

public sealed partial class JsonLdProcessor
{
    private static readonly HashSet<string> ContextKeys = new(StringComparer.Ordinal)
    { "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab" };

    private static readonly HashSet<string> TermKeys = new(StringComparer.Ordinal)
    { "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type" };

    /// <summary>JSON-LD 1.1 API §4.1.2 Context Processing Algorithm.</summary>
    private ActiveContext ProcessContext(Run run, ActiveContext active, object? local, string? baseUrl, List<string>? remoteContexts = null,
        bool overrideProtected = false, bool propagate = true, bool validateScopedContext = true, bool cacheable = false)
    {
        if (++run.ContextOperations > run.Options.MaxContextOperations)
            throw new LinkedDataException("context overflow", $"more than {run.Options.MaxContextOperations} context processing steps");
        remoteContexts ??= [];
        var key = (local ?? "null", overrideProtected, propagate, validateScopedContext);
        var canCache = (cacheable || local is string) && local is not null && remoteContexts.Count == 0;
        if (canCache && active.TryGetDerived(key, out var known)) return known;

        // Contexts handed back by the cache are shared: clone before changing one (owned).
        var result = active;
        var owned = false;
        if (local is Dictionary<string, object?> m && m.TryGetValue("@propagate", out var p))
        {
            if (p is not bool pb) throw new LinkedDataException("invalid @propagate value", "@propagate must be true or false");
            propagate = pb;
        }
        if (!propagate && result.Previous is null)
        {
            result = result.Clone();
            owned = true;
            result.Previous = active;
        }

        foreach (var item in Keywords.AsList(local))
        {
            switch (item)
            {
                case null:
                    if (!overrideProtected && result.HasProtectedTerms)
                        throw new LinkedDataException("invalid context nullification", "a context with protected terms cannot be nullified");
                    var previous = result;
                    result = new ActiveContext { Base = active.OriginalBase, OriginalBase = active.OriginalBase };
                    owned = true;
                    if (!propagate) result.Previous = previous;
                    continue;
                case string reference:
                    result = ProcessRemoteContext(run, result, reference, baseUrl, remoteContexts, validateScopedContext);
                    owned = false;
                    continue;
                case Dictionary<string, object?> context:
                    if (!owned)
                    {
                        result = result.Clone();
                        owned = true;
                    }
                    ProcessLocalContext(run, result, context, baseUrl, remoteContexts, overrideProtected, validateScopedContext);
                    continue;
                default:
                    throw new LinkedDataException("invalid local context", "a context must be null, a string or an object");
            }
        }
        if (canCache) active.RememberDerived(key, result);
        return result;
    }

    private ActiveContext ProcessRemoteContext(Run run, ActiveContext result, string reference, string? baseUrl, List<string> remoteContexts, bool validateScopedContext)
    {
        var url = Iri.Resolve(baseUrl, reference);
        if (!validateScopedContext && remoteContexts.Contains(url)) return result;
        if (remoteContexts.Count >= run.Options.MaxRemoteContexts)
            throw new LinkedDataException("context overflow", $"more than {run.Options.MaxRemoteContexts} nested remote contexts (a context loop?)");
        var key = ((object)url, false, true, validateScopedContext);
        if (remoteContexts.Count == 0 && result.TryGetDerived(key, out var known)) return known;
        var document = LoadContext(url);
        var derived = ProcessContext(run, result, document.Context, document.DocumentUrl, [.. remoteContexts, url], validateScopedContext: validateScopedContext, cacheable: true);
        if (remoteContexts.Count == 0) result.RememberDerived(key, derived);
        return derived;
    }

    private (object? Context, string DocumentUrl) LoadContext(string url)
    {
        RemoteDocument loaded;
        try
        {
            loaded = _loader.Load(url);
        }
        catch (LinkedDataException e) when (e.Code is "loading document failed")
        {
            throw new LinkedDataException("loading remote context failed", $"context {url}: {e.Message}");
        }
        if (loaded.Document is not Dictionary<string, object?> doc || !doc.TryGetValue("@context", out var context))
            throw new LinkedDataException("invalid remote context", $"{url} has no top-level @context");
        return (context, loaded.DocumentUrl);
    }

    private void ProcessLocalContext(Run run, ActiveContext result, Dictionary<string, object?> context, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, bool validateScopedContext)
    {
        var is10 = run.Options.Is10;
        if (context.TryGetValue("@version", out var version))
        {
            if (version is not 1.1) throw new LinkedDataException("invalid @version value", "@version must be 1.1");
            if (is10) throw new LinkedDataException("processing mode conflict", "@version 1.1 in json-ld-1.0 mode");
        }
        if (context.TryGetValue("@import", out var import))
        {
            if (is10) throw new LinkedDataException("invalid context entry", "@import needs JSON-LD 1.1");
            if (import is not string importRef) throw new LinkedDataException("invalid @import value", "@import must be a string");
            var (imported, _) = LoadContext(Iri.Resolve(baseUrl, importRef));
            if (imported is not Dictionary<string, object?> importMap) throw new LinkedDataException("invalid remote context", "an imported context must be an object");
            if (importMap.ContainsKey("@import")) throw new LinkedDataException("invalid context entry", "an imported context cannot itself @import");
            var merged = new Dictionary<string, object?>(importMap, StringComparer.Ordinal);
            foreach (var (k, v) in context) merged[k] = v;
            context = merged;
        }
        if (context.TryGetValue("@base", out var baseValue) && remoteContexts.Count == 0)
        {
            switch (baseValue)
            {
                case null: result.Base = null; break;
                case string s when Iri.IsAbsolute(s): result.Base = s; break;
                case string s when result.Base is not null: result.Base = Iri.Resolve(result.Base, s); break;
                default: throw new LinkedDataException("invalid base IRI", "@base must be an IRI");
            }
        }
        if (context.TryGetValue("@vocab", out var vocab))
        {
            if (vocab is null) result.Vocab = null;
            else if (vocab is string v && (!is10 || Iri.IsAbsolute(v) || Iri.IsBlankNode(v)))
                result.Vocab = ExpandIri(run, result, v, documentRelative: true, vocab: true);
            else throw new LinkedDataException("invalid vocab mapping", "@vocab must be an IRI, a blank node or null");
        }
        if (context.TryGetValue("@language", out var language))
        {
            if (language is null) result.DefaultLanguage = null;
            else if (language is string l) result.DefaultLanguage = l.ToLowerInvariant();
            else throw new LinkedDataException("invalid default language", "@language must be a string or null");
        }
        if (context.TryGetValue("@direction", out var direction))
        {
            if (is10) throw new LinkedDataException("invalid context entry", "@direction needs JSON-LD 1.1");
            result.DefaultDirection = direction switch
            {
                null => null,
                "ltr" or "rtl" => (string)direction,
                _ => throw new LinkedDataException("invalid base direction", "@direction must be ltr, rtl or null"),
            };
        }
        if (context.TryGetValue("@propagate", out var propagate))
        {
            if (is10) throw new LinkedDataException("invalid context entry", "@propagate needs JSON-LD 1.1");
            if (propagate is not bool) throw new LinkedDataException("invalid @propagate value", "@propagate must be true or false");
        }
        var isProtected = context.TryGetValue("@protected", out var pr) && pr is true;
        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var term in context.Keys)
        {
            if (ContextKeys.Contains(term)) continue;
            CreateTermDefinition(run, result, context, term, defined, baseUrl, isProtected, overrideProtected, remoteContexts, validateScopedContext);
        }
    }
}

namespace SkillsMatch.Credentials.LinkedData;

public sealed partial class JsonLdProcessor
{
    private static readonly HashSet<string> ContainerKeywords = new(StringComparer.Ordinal)
    { "@graph", "@id", "@index", "@language", "@list", "@set", "@type" };

    /// <summary>JSON-LD 1.1 API §4.2.2 Create Term Definition.</summary>
    private void CreateTermDefinition(Run run, ActiveContext active, Dictionary<string, object?> local, string term, Dictionary<string, bool> defined,
        string? baseUrl, bool isProtected = false, bool overrideProtected = false, List<string>? remoteContexts = null, bool validateScopedContext = true)
    {
        if (defined.TryGetValue(term, out var done))
        {
            if (done) return;
            throw new LinkedDataException("cyclic IRI mapping", $"term '{term}' is defined through itself");
        }
        if (term.Length == 0) throw new LinkedDataException("invalid term definition", "the empty string is not a term");
        defined[term] = false;
        var value = local[term];
        var is10 = run.Options.Is10;
        if (term == "@type" && !is10)
        {
            if (value is not Dictionary<string, object?> tm || tm.Count == 0
                || tm.Any(kv => !(kv.Key == "@container" && kv.Value is "@set" || kv.Key == "@protected")))
                throw new LinkedDataException("keyword redefinition", "@type may only be given @container @set and @protected");
        }
        else if (Keywords.Is(term)) throw new LinkedDataException("keyword redefinition", $"{term} is a keyword");
        else if (Keywords.HasForm(term))
        {
            defined[term] = true;
            return; // reserved for future keywords: ignored (§4.2.2 step 5)
        }

        var previous = active.Term(term);
        active.Terms.Remove(term);
        var simple = false;
        Dictionary<string, object?> map;
        switch (value)
        {
            case null: map = new(StringComparer.Ordinal) { ["@id"] = null }; break;
            case string s:
                map = new(StringComparer.Ordinal) { ["@id"] = s };
                simple = true;
                break;
            case Dictionary<string, object?> d: map = d; break;
            default: throw new LinkedDataException("invalid term definition", $"term '{term}' must be defined by a string or an object");
        }

        var definition = new TermDefinition { Protected = isProtected };
        if (map.TryGetValue("@protected", out var prot))
        {
            if (is10) throw new LinkedDataException("invalid term definition", "@protected needs JSON-LD 1.1");
            definition.Protected = prot is bool pb ? pb : throw new LinkedDataException("invalid @protected value", "@protected must be true or false");
        }
        if (map.TryGetValue("@type", out var type))
        {
            if (type is not string ts) throw new LinkedDataException("invalid type mapping", $"the @type of '{term}' must be a string");
            var expandedType = ExpandIri(run, active, ts, vocab: true, local: local, defined: defined);
            if ((is10 && expandedType is "@json" or "@none")
                || expandedType is null
                || (expandedType is not ("@id" or "@json" or "@none" or "@vocab") && !Iri.IsAbsolute(expandedType)))
                throw new LinkedDataException("invalid type mapping", $"'{ts}' is not a type mapping");
            definition.Type = expandedType;
        }

        if (map.TryGetValue("@reverse", out var reverse))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
                throw new LinkedDataException("invalid reverse property", $"'{term}' has @reverse with @id or @nest");
            if (reverse is not string rs) throw new LinkedDataException("invalid IRI mapping", "@reverse must be a string");
            if (Keywords.HasForm(rs))
            {
                defined[term] = true;
                return;
            }
            var iri = ExpandIri(run, active, rs, vocab: true, local: local, defined: defined);
            if (iri is null || !(Iri.IsAbsolute(iri) || Iri.IsBlankNode(iri)))
                throw new LinkedDataException("invalid IRI mapping", $"@reverse of '{term}' is not an IRI");
            definition.Iri = iri;
            if (map.TryGetValue("@container", out var rc))
            {
                if (rc is not (null or "@set" or "@index"))
                    throw new LinkedDataException("invalid reverse property", "a reverse property's @container must be @set or @index");
                if (rc is string rcs) definition.Container.Add(rcs);
            }
            definition.Reverse = true;
            ValidateRest(run, active, term, map, definition, local, defined, baseUrl, remoteContexts, validateScopedContext, is10);
            Finish(active, term, definition, previous, overrideProtected, defined);
            return;
        }

        if (map.TryGetValue("@id", out var id) && !Equals(id, term))
        {
            if (id is null) definition.Iri = null;
            else
            {
                if (id is not string ids) throw new LinkedDataException("invalid IRI mapping", $"the @id of '{term}' must be a string");
                if (!Keywords.Is(ids) && Keywords.HasForm(ids))
                {
                    defined[term] = true;
                    return;
                }
                var iri = ExpandIri(run, active, ids, vocab: true, local: local, defined: defined);
                if (iri is null || !(Keywords.Is(iri) || Iri.IsAbsolute(iri) || Iri.IsBlankNode(iri)))
                    throw new LinkedDataException("invalid IRI mapping", $"the @id of '{term}' is not an IRI, blank node or keyword");
                if (iri == "@context") throw new LinkedDataException("invalid keyword alias", "@context cannot be aliased");
                definition.Iri = iri;
                var colon = Colon(term);
                if ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    defined[term] = true;
                    var own = ExpandIri(run, active, term, vocab: true, local: local, defined: defined);
                    if (own != iri) throw new LinkedDataException("invalid IRI mapping", $"term '{term}' looks like an IRI but maps to another one");
                }
                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simple
                    && (Iri.IsBlankNode(iri) || (iri.Length > 0 && iri[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@')))
                    definition.Prefix = true;
            }
        }
        else if (Colon(term) > 0)
        {
            var colon = Colon(term);
            var prefix = term[..colon];
            var suffix = term[(colon + 1)..];
            if (local.ContainsKey(prefix)) CreateTermDefinition(run, active, local, prefix, defined, baseUrl);
            definition.Iri = active.Term(prefix) is { Iri: { } pi } ? pi + suffix : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            var iri = ExpandIri(run, active, term, vocab: true);
            if (iri is null || !Iri.IsAbsolute(iri)) throw new LinkedDataException("invalid IRI mapping", $"term '{term}' is not an IRI");
            definition.Iri = iri;
        }
        else if (term == "@type") definition.Iri = "@type";
        else if (active.Vocab is not null) definition.Iri = active.Vocab + term;
        else throw new LinkedDataException("invalid IRI mapping", $"term '{term}' has no IRI and there is no @vocab");

        if (map.TryGetValue("@container", out var container))
        {
            var items = Keywords.AsList(container);
            if (items.Count == 0 || items.Any(c => c is not string cs || !ContainerKeywords.Contains(cs))
                || (is10 && (container is not string || container is "@graph" or "@id" or "@type")))
                throw new LinkedDataException("invalid container mapping", $"the @container of '{term}' is not valid");
            foreach (var c in items) definition.Container.Add((string)c!);
            var set = definition.Container;
            var valid = set.Count == 1
                || (set.Contains("@set") && !set.Contains("@list") && set.Count == 2)
                || (set.Contains("@graph") && (set.Contains("@id") || set.Contains("@index")) && set.Count <= 3 && !set.Contains("@list")
                    && !set.Contains("@language") && !set.Contains("@type") && !(set.Contains("@id") && set.Contains("@index")));
            if (!valid) throw new LinkedDataException("invalid container mapping", $"the @container of '{term}' is not a valid combination");
            if (set.Contains("@type"))
            {
                definition.Type ??= "@id";
                if (definition.Type is not ("@id" or "@vocab")) throw new LinkedDataException("invalid type mapping", "a @type map's terms must be @id or @vocab");
            }
        }
        ValidateRest(run, active, term, map, definition, local, defined, baseUrl, remoteContexts, validateScopedContext, is10);
        Finish(active, term, definition, previous, overrideProtected, defined);
    }

    private void ValidateRest(Run run, ActiveContext active, string term, Dictionary<string, object?> map, TermDefinition definition,
        Dictionary<string, object?> local, Dictionary<string, bool> defined, string? baseUrl, List<string>? remoteContexts, bool validateScopedContext, bool is10)
    {
        if (map.TryGetValue("@index", out var index))
        {
            if (is10 || !definition.Has("@index")) throw new LinkedDataException("invalid term definition", "@index needs an @index container");
            if (index is not string ix || ExpandIri(run, active, ix, vocab: true) is not { } ie || !Iri.IsAbsolute(ie) || Keywords.Is(ix))
                throw new LinkedDataException("invalid term definition", "@index must name a property");
            definition.Index = ix;
        }
        if (map.TryGetValue("@context", out var scoped))
        {
            if (is10) throw new LinkedDataException("invalid term definition", "scoped contexts need JSON-LD 1.1");
            try
            {
                ProcessContext(run, active, scoped, baseUrl, remoteContexts is null ? [] : [.. remoteContexts], overrideProtected: true, validateScopedContext: false);
            }
            catch (LinkedDataException e) when (e.Code != "context overflow")
            {
                throw new LinkedDataException("invalid scoped context", $"the scoped context of '{term}': {e.Message}");
            }
            definition.HasContext = true;
            definition.Context = scoped;
            definition.BaseUrl = baseUrl;
        }
        if (map.TryGetValue("@language", out var language) && !map.ContainsKey("@type"))
        {
            if (language is not (null or string)) throw new LinkedDataException("invalid language mapping", "@language must be a string or null");
            definition.HasLanguage = true;
            definition.Language = (language as string)?.ToLowerInvariant();
        }
        if (map.TryGetValue("@direction", out var direction) && !map.ContainsKey("@type"))
        {
            if (direction is not (null or "ltr" or "rtl")) throw new LinkedDataException("invalid base direction", "@direction must be ltr, rtl or null");
            definition.HasDirection = true;
            definition.Direction = direction as string;
        }
        if (map.TryGetValue("@nest", out var nest))
        {
            if (is10) throw new LinkedDataException("invalid term definition", "@nest needs JSON-LD 1.1");
            if (nest is not string ns || (Keywords.Is(ns) && ns != "@nest")) throw new LinkedDataException("invalid @nest value", "@nest must be a term or @nest");
            definition.Nest = ns;
        }
        if (map.TryGetValue("@prefix", out var prefix))
        {
            if (is10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
                throw new LinkedDataException("invalid term definition", "@prefix is not allowed here");
            definition.Prefix = prefix is bool b ? b : throw new LinkedDataException("invalid @prefix value", "@prefix must be true or false");
            if (definition.Prefix && Keywords.Is(definition.Iri)) throw new LinkedDataException("invalid term definition", "a keyword cannot be a prefix");
        }
        foreach (var key in map.Keys)
            if (!TermKeys.Contains(key)) throw new LinkedDataException("invalid term definition", $"'{key}' is not allowed in a term definition");
        _ = local;
        _ = defined;
    }

    private static void Finish(ActiveContext active, string term, TermDefinition definition, TermDefinition? previous, bool overrideProtected, Dictionary<string, bool> defined)
    {
        if (!overrideProtected && previous is { Protected: true })
        {
            if (!definition.SameAs(previous)) throw new LinkedDataException("protected term redefinition", $"'{term}' is protected");
            definition = previous;
        }
        active.Terms[term] = definition;
        defined[term] = true;
    }

    /// <summary>The first ':' after the first character (a compact IRI's prefix is never empty), or -1.</summary>
    private static int Colon(string value) => value.Length > 1 ? value.IndexOf(':', 1) : -1;

    /// <summary>JSON-LD 1.1 API §5.2.2 IRI Expansion.</summary>
    private string? ExpandIri(Run run, ActiveContext active, string? value, bool documentRelative = false, bool vocab = false,
        Dictionary<string, object?>? local = null, Dictionary<string, bool>? defined = null)
    {
        if (value is null || Keywords.Is(value)) return value;
        if (Keywords.HasForm(value)) return null;
        if (local is not null && local.ContainsKey(value) && (defined is null || !defined.TryGetValue(value, out var d) || !d))
            CreateTermDefinition(run, active, local, value, defined ?? new(StringComparer.Ordinal), null);
        var term = active.Term(value);
        if (term is not null && Keywords.Is(term.Iri)) return term.Iri;
        if (vocab && active.Terms.ContainsKey(value)) return term!.Iri;
        var colon = Colon(value);
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal)) return value;
            if (local is not null && local.ContainsKey(prefix) && (defined is null || !defined.TryGetValue(prefix, out var pd) || !pd))
                CreateTermDefinition(run, active, local, prefix, defined ?? new(StringComparer.Ordinal), null);
            if (active.Term(prefix) is { Iri: { } pi, Prefix: true }) return pi + suffix;
            if (Iri.IsAbsolute(value)) return value;
        }
        if (vocab && active.Vocab is not null) return active.Vocab + value;
        if (documentRelative) return Iri.Resolve(active.Base, value);
        return value;
    }
}

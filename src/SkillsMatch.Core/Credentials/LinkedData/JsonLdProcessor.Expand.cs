namespace SkillsMatch.Credentials.LinkedData;

public sealed partial class JsonLdProcessor
{
    private const int MaxDepth = 256;

    /// <summary>JSON-LD 1.1 API §5.1.2 Expansion Algorithm.</summary>
    private object? ExpandElement(Run run, ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap, int depth = 0)
    {
        if (element is null) return null;
        if (depth > MaxDepth) throw new LinkedDataException("loading document failed", "the document is nested too deeply");
        var propertyDefinition = active.Term(activeProperty);
        if (Keywords.IsScalar(element))
        {
            if (activeProperty is null or "@graph") return null;
            if (propertyDefinition is { HasContext: true })
                active = ProcessContext(run, active, propertyDefinition.Context, propertyDefinition.BaseUrl, cacheable: true);
            return ExpandValue(run, active, activeProperty, element);
        }
        if (element is List<object?> array)
        {
            var result = new List<object?>();
            foreach (var item in array)
            {
                var expanded = ExpandElement(run, active, activeProperty, item, baseUrl, fromMap, depth + 1);
                if (propertyDefinition is not null && propertyDefinition.Has("@list") && expanded is List<object?> nested)
                    expanded = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = nested };
                if (expanded is List<object?> items) result.AddRange(items);
                else if (expanded is not null) result.Add(expanded);
            }
            return result;
        }
        var map = (Dictionary<string, object?>)element;

        if (active.Previous is not null && !fromMap && !PreservesContext(run, active, map))
            active = active.Previous;
        if (propertyDefinition is { HasContext: true })
            active = ProcessContext(run, active, propertyDefinition.Context, propertyDefinition.BaseUrl, overrideProtected: true, cacheable: true);
        if (map.TryGetValue("@context", out var localContext))
            active = ProcessContext(run, active, localContext, baseUrl);

        var typeScoped = active;
        string? inputType = null;
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            if (ExpandIri(run, active, key, vocab: true) != "@type") continue;
            var types = Keywords.AsList(map[key]).OfType<string>().Order(StringComparer.Ordinal).ToList();
            foreach (var t in types)
                if (typeScoped.Term(t) is { HasContext: true } td)
                    active = ProcessContext(run, active, td.Context, td.BaseUrl, propagate: false, cacheable: true);
            if (inputType is null && types.Count > 0)
                inputType = ExpandIri(run, active, Keywords.AsList(map[key]).OfType<string>().Last(), vocab: true);
            break;
        }

        var output = new Dictionary<string, object?>(StringComparer.Ordinal);
        ExpandMembers(run, active, typeScoped, activeProperty, map, output, baseUrl, inputType, depth);
        return Finish(run, activeProperty, output);
    }

    /// <summary>§5.1.2 step 7: a value object, or a bare node reference, keeps a non-propagated context.</summary>
    private bool PreservesContext(Run run, ActiveContext active, Dictionary<string, object?> map)
    {
        var expandsToId = false;
        foreach (var key in map.Keys)
        {
            var e = ExpandIri(run, active, key, vocab: true);
            if (e == "@value") return true;
            if (e == "@id" && map.Count == 1) expandsToId = true;
        }
        return expandsToId;
    }

    private static object? Finish(Run run, string? activeProperty, Dictionary<string, object?> result)
    {
        object? value = result;
        if (result.TryGetValue("@value", out var v))
        {
            if (result.Keys.Any(k => k is not ("@direction" or "@index" or "@language" or "@type" or "@value")))
                throw new LinkedDataException("invalid value object", "a value object has members other than @direction, @index, @language, @type, @value");
            var type = result.GetValueOrDefault("@type");
            if (type is not null && (result.ContainsKey("@language") || result.ContainsKey("@direction")))
                throw new LinkedDataException("invalid value object", "a value object cannot have both @type and @language or @direction");
            if (type is "@json") { }
            else if (v is null) return null;
            else if (v is not string && result.ContainsKey("@language"))
                throw new LinkedDataException("invalid language-tagged value", "@language applies only to strings");
            else if (type is not null && (type is not string ts || !Iri.IsWellFormed(ts)))
                throw new LinkedDataException("invalid typed value", "a value's @type must be an IRI");
            else if (v is List<object?> or Dictionary<string, object?>)
                throw new LinkedDataException("invalid value object value", "@value must be a scalar");
        }
        else if (result.TryGetValue("@type", out var t) && t is not List<object?>)
            result["@type"] = new List<object?> { t };
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
                throw new LinkedDataException("invalid set or list object", "a @set or @list object may only have @index beside it");
            if (result.TryGetValue("@set", out var set)) value = set;
        }
        if (value is Dictionary<string, object?> m)
        {
            if (m.Count == 1 && m.ContainsKey("@language")) return null;
            if (activeProperty is null or "@graph")
            {
                if (m.Count == 0 || m.ContainsKey("@value") || m.ContainsKey("@list")) return null;
                if (m.Count == 1 && m.ContainsKey("@id")) return null;
            }
        }
        _ = run;
        return value;
    }

    /// <summary>JSON-LD 1.1 API §5.3.2 Value Expansion.</summary>
    private Dictionary<string, object?> ExpandValue(Run run, ActiveContext active, string? activeProperty, object? value)
    {
        var definition = active.Term(activeProperty);
        if (definition?.Type == "@id" && value is string s)
            return new(StringComparer.Ordinal) { ["@id"] = ExpandIri(run, active, s, documentRelative: true) };
        if (definition?.Type == "@vocab" && value is string sv)
            return new(StringComparer.Ordinal) { ["@id"] = ExpandIri(run, active, sv, documentRelative: true, vocab: true) };
        var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value };
        if (definition?.Type is { } type and not ("@id" or "@vocab" or "@none")) result["@type"] = type;
        else if (value is string)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.Direction : active.DefaultDirection;
            if (language is not null) result["@language"] = language;
            if (direction is not null) result["@direction"] = direction;
        }
        return result;
    }
}

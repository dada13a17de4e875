namespace SkillsMatch.Credentials.LinkedData;

public sealed partial class JsonLdProcessor
{
    /// <summary>§5.1.2 steps 13–14: each member of a node or value object, then its @nest members.</summary>
    private void ExpandMembers(Run run, ActiveContext active, ActiveContext typeScoped, string? activeProperty, Dictionary<string, object?> element,
        Dictionary<string, object?> result, string? baseUrl, string? inputType, int depth)
    {
        var nests = new List<string>();
        var is10 = run.Options.Is10;
        foreach (var (key, value) in element)
        {
            if (key == "@context") continue;
            var property = ExpandIri(run, active, key, vocab: true);
            if (property is null || (!property.Contains(':', StringComparison.Ordinal) && !Keywords.Is(property)))
            {
                run.Dropped.Add(key);
                continue;
            }
            if (Keywords.Is(property))
            {
                if (activeProperty == "@reverse") throw new LinkedDataException("invalid reverse property map", $"{property} inside @reverse");
                if (result.ContainsKey(property) && !(property is "@included" or "@type" && !is10))
                    throw new LinkedDataException("colliding keywords", $"{property} appears twice");
                object? expanded = null;
                switch (property)
                {
                    case "@id":
                        if (value is not string id) throw new LinkedDataException("invalid @id value", "@id must be a string");
                        expanded = ExpandIri(run, active, id, documentRelative: true);
                        break;
                    case "@type":
                        if (value is not string && (value is not List<object?> tl || tl.Any(x => x is not string)))
                            throw new LinkedDataException("invalid type value", "@type must be a string or an array of strings");
                        var types = new List<object?>();
                        foreach (var t in Keywords.AsList(value))
                        {
                            var e = ExpandIri(run, typeScoped, (string)t!, documentRelative: true, vocab: true);
                            if (e is null || (!e.Contains(':', StringComparison.Ordinal) && !Keywords.Is(e))) run.Dropped.Add("@type " + t);
                            types.Add(e);
                        }
                        if (result.TryGetValue("@type", out var existing)) types.InsertRange(0, Keywords.AsList(existing));
                        expanded = value is string && types.Count == 1 ? types[0] : types;
                        break;
                    case "@graph":
                        expanded = Keywords.AsList(ExpandElement(run, active, "@graph", value, baseUrl, false, depth + 1));
                        break;
                    case "@included":
                        if (is10) continue;
                        var included = Keywords.AsList(ExpandElement(run, active, null, value, baseUrl, false, depth + 1));
                        if (included.Any(i => !Keywords.IsNodeObject(i))) throw new LinkedDataException("invalid @included value", "@included must hold node objects");
                        if (result.TryGetValue("@included", out var prior)) included.InsertRange(0, Keywords.AsList(prior));
                        expanded = included;
                        break;
                    case "@value":
                        if (inputType == "@json")
                        {
                            if (is10) throw new LinkedDataException("invalid value object value", "@json needs JSON-LD 1.1");
                            result["@value"] = value;
                            continue;
                        }
                        if (value is not null && !Keywords.IsScalar(value)) throw new LinkedDataException("invalid value object value", "@value must be a scalar");
                        result["@value"] = value;
                        continue;
                    case "@language":
                        if (value is not string lang) throw new LinkedDataException("invalid language-tagged string", "@language must be a string");
                        expanded = lang.ToLowerInvariant();
                        break;
                    case "@direction":
                        if (is10) continue;
                        if (value is not ("ltr" or "rtl")) throw new LinkedDataException("invalid base direction", "@direction must be ltr or rtl");
                        expanded = value;
                        break;
                    case "@index":
                        if (value is not string) throw new LinkedDataException("invalid @index value", "@index must be a string");
                        expanded = value;
                        break;
                    case "@list":
                        if (activeProperty is null or "@graph") continue;
                        expanded = Keywords.AsList(ExpandElement(run, active, activeProperty, value, baseUrl, false, depth + 1));
                        break;
                    case "@set":
                        expanded = ExpandElement(run, active, activeProperty, value, baseUrl, false, depth + 1);
                        break;
                    case "@reverse":
                        if (value is not Dictionary<string, object?>) throw new LinkedDataException("invalid @reverse value", "@reverse must be an object");
                        ExpandReverse(run, active, value, result, baseUrl, depth);
                        continue;
                    case "@nest":
                        nests.Add(key);
                        continue;
                    default:
                        continue;
                }
                // §5.1.2 step 13.4.16: a keyword-like @id expands to null and is kept as such.
                result[property] = expanded;
                continue;
            }

            var definition = active.Term(key);
            object? expandedValue;
            if (definition?.Type == "@json")
                expandedValue = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value, ["@type"] = "@json" };
            else if (definition is not null && definition.Has("@language") && value is Dictionary<string, object?> languageMap)
                expandedValue = ExpandLanguageMap(run, active, definition, languageMap);
            else if (definition is not null && (definition.Has("@index") || definition.Has("@type") || definition.Has("@id")) && value is Dictionary<string, object?> indexMap)
                expandedValue = ExpandIndexMap(run, active, key, definition, indexMap, baseUrl, depth);
            else
                expandedValue = ExpandElement(run, active, key, value, baseUrl, false, depth + 1);
            if (expandedValue is null) continue;
            if (definition is not null && definition.Has("@list") && !Keywords.IsListObject(expandedValue))
                expandedValue = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = Keywords.AsList(expandedValue) };
            if (definition is not null && definition.Has("@graph") && !definition.Has("@id") && !definition.Has("@index"))
                expandedValue = Keywords.AsList(expandedValue).Select(ev => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["@graph"] = Keywords.AsList(ev) }).ToList();
            if (definition is { Reverse: true })
            {
                if (!result.TryGetValue("@reverse", out var rm) || rm is not Dictionary<string, object?> reverseMap)
                    result["@reverse"] = reverseMap = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var item in Keywords.AsList(expandedValue))
                {
                    if (Keywords.IsValueObject(item) || Keywords.IsListObject(item))
                        throw new LinkedDataException("invalid reverse property value", "a reverse property cannot hold values or lists");
                    Keywords.Add(reverseMap, property, item);
                }
            }
            else Keywords.Add(result, property, expandedValue);
        }

        foreach (var nestKey in nests.Order(StringComparer.Ordinal))
        {
            // §5.1.2 step 14.2.2 repeats steps 3 and 8: a nesting term's property-scoped context applies inside it.
            var nestActive = active.Term(nestKey) is { HasContext: true } nd
                ? ProcessContext(run, active, nd.Context, nd.BaseUrl, overrideProtected: true, cacheable: true)
                : active;
            foreach (var nested in Keywords.AsList(element[nestKey]))
            {
                if (nested is not Dictionary<string, object?> nestedMap || nestedMap.Keys.Any(k => ExpandIri(run, nestActive, k, vocab: true) == "@value"))
                    throw new LinkedDataException("invalid @nest value", "@nest must hold node objects");
                ExpandMembers(run, nestActive, typeScoped, activeProperty, nestedMap, result, baseUrl, inputType, depth + 1);
            }
        }
    }

    private void ExpandReverse(Run run, ActiveContext active, object? value, Dictionary<string, object?> result, string? baseUrl, int depth)
    {
        var expanded = ExpandElement(run, active, "@reverse", value, baseUrl, false, depth + 1) as Dictionary<string, object?>;
        if (expanded is null) return;
        if (expanded.TryGetValue("@reverse", out var doubled) && doubled is Dictionary<string, object?> forward)
            foreach (var (p, items) in forward) Keywords.Add(result, p, items);
        foreach (var (p, items) in expanded)
        {
            if (p == "@reverse") continue;
            if (!result.TryGetValue("@reverse", out var rm) || rm is not Dictionary<string, object?> reverseMap)
                result["@reverse"] = reverseMap = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var item in Keywords.AsList(items))
            {
                if (Keywords.IsValueObject(item) || Keywords.IsListObject(item))
                    throw new LinkedDataException("invalid reverse property value", "a reverse property cannot hold values or lists");
                Keywords.Add(reverseMap, p, item);
            }
        }
    }

    private List<object?> ExpandLanguageMap(Run run, ActiveContext active, TermDefinition definition, Dictionary<string, object?> map)
    {
        var result = new List<object?>();
        var direction = definition.HasDirection ? definition.Direction : active.DefaultDirection;
        foreach (var language in map.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var item in Keywords.AsList(map[language]))
            {
                if (item is null) continue;
                if (item is not string s) throw new LinkedDataException("invalid language map value", "a language map holds strings");
                var v = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = s, ["@language"] = language.ToLowerInvariant() };
                if (language == "@none" || ExpandIri(run, active, language, vocab: true) == "@none") v.Remove("@language");
                if (direction is not null) v["@direction"] = direction;
                result.Add(v);
            }
        }
        return result;
    }

    private List<object?> ExpandIndexMap(Run run, ActiveContext active, string key, TermDefinition definition, Dictionary<string, object?> map, string? baseUrl, int depth)
    {
        var result = new List<object?>();
        var indexKey = definition.Index ?? "@index";
        foreach (var index in map.Keys.Order(StringComparer.Ordinal))
        {
            var mapContext = active;
            if (definition.Has("@id") || definition.Has("@type")) mapContext = active.Previous ?? active;
            if (definition.Has("@type") && mapContext.Term(index) is { HasContext: true } td)
                mapContext = ProcessContext(run, mapContext, td.Context, td.BaseUrl, cacheable: true);
            var expandedIndex = ExpandIri(run, active, index, vocab: true);
            var items = Keywords.AsList(ExpandElement(run, mapContext, key, Keywords.AsList(map[index]), baseUrl, true, depth + 1));
            foreach (var raw in items)
            {
                var item = raw;
                if (definition.Has("@graph") && !Keywords.IsGraphObject(item))
                    item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@graph"] = Keywords.AsList(item) };
                if (item is not Dictionary<string, object?> m) continue;
                if (definition.Has("@index") && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reExpanded = ExpandValue(run, active, indexKey, index);
                    var indexProperty = ExpandIri(run, active, indexKey, vocab: true)!;
                    var values = new List<object?> { reExpanded };
                    if (m.TryGetValue(indexProperty, out var existing)) values.AddRange(Keywords.AsList(existing));
                    if (m.ContainsKey("@value")) throw new LinkedDataException("invalid value object", "a value object cannot take a property index");
                    m[indexProperty] = values;
                }
                else if (definition.Has("@index") && !m.ContainsKey("@index") && expandedIndex != "@none") m["@index"] = index;
                else if (definition.Has("@id") && !m.ContainsKey("@id") && expandedIndex != "@none")
                    m["@id"] = ExpandIri(run, active, index, documentRelative: true);
                else if (definition.Has("@type") && expandedIndex != "@none")
                {
                    var types = new List<object?> { expandedIndex };
                    if (m.TryGetValue("@type", out var existing)) types.AddRange(Keywords.AsList(existing));
                    m["@type"] = types;
                }
                result.Add(m);
            }
        }
        return result;
    }
}

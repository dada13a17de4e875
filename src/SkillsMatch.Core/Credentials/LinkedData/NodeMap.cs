using System.Globalization;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>JSON-LD 1.1 API §7.2.2 Node Map Generation, with the blank node relabelling of §7.3.</summary>
internal sealed class NodeMap
{
    private readonly Dictionary<string, string> _blankNodes = new(StringComparer.Ordinal);
    private int _counter;

    public Dictionary<string, Dictionary<string, Dictionary<string, object?>>> Graphs { get; } = new(StringComparer.Ordinal);

    public string NewBlank(string? existing = null)
    {
        if (existing is not null && _blankNodes.TryGetValue(existing, out var known)) return known;
        var id = "_:b" + (_counter++).ToString(CultureInfo.InvariantCulture);
        if (existing is not null) _blankNodes[existing] = id;
        return id;
    }

    private Dictionary<string, Dictionary<string, object?>> Graph(string name)
    {
        if (!Graphs.TryGetValue(name, out var graph)) Graphs[name] = graph = new(StringComparer.Ordinal);
        return graph;
    }

    /// <param name="activeSubject">A node id, or for a reverse property the referencing node object.</param>
    public void Generate(object? element, string activeGraph, object? activeSubject, string? activeProperty, List<object?>? list)
    {
        if (element is List<object?> array)
        {
            foreach (var item in array) Generate(item, activeGraph, activeSubject, activeProperty, list);
            return;
        }
        if (element is not Dictionary<string, object?> map) return;
        var graph = Graph(activeGraph);
        var subjectNode = activeSubject is string sid ? graph[sid] : null;

        if (map.ContainsKey("@value"))
        {
            if (list is not null) list.Add(map);
            else AddUnique(subjectNode!, activeProperty!, map);
            return;
        }
        if (map.TryGetValue("@list", out var items))
        {
            var result = new List<object?>();
            Generate(items, activeGraph, activeSubject, activeProperty, result);
            var listObject = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = result };
            if (list is not null) list.Add(listObject);
            else Keywords.Add(subjectNode!, activeProperty!, listObject);
            return;
        }

        // An @id that expanded to null (a keyword-like IRI, §5.1.2 step 13.4.3) names no node: nothing to say about it.
        if (map.TryGetValue("@id", out var rawId) && rawId is null) return;
        var id = rawId as string;
        id = id is null ? NewBlank() : Iri.IsBlankNode(id) ? NewBlank(id) : id;
        if (!graph.TryGetValue(id, out var node)) graph[id] = node = new(StringComparer.Ordinal) { ["@id"] = id };

        if (activeSubject is Dictionary<string, object?> referencing) AddUnique(node, activeProperty!, referencing);
        else if (activeProperty is not null)
        {
            var reference = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            if (list is not null) list.Add(reference);
            else AddUnique(subjectNode!, activeProperty, reference);
        }
        if (map.TryGetValue("@type", out var types))
            foreach (var t in Keywords.AsList(types))
                if (t is string ts) AddUnique(node, "@type", Iri.IsBlankNode(ts) ? NewBlank(ts) : ts);
        if (map.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var prior) && !PlainJson.DeepEquals(prior, index))
                throw new LinkedDataException("conflicting indexes", $"node {id} has two different @index values");
            node["@index"] = index;
        }
        if (map.TryGetValue("@reverse", out var reverse) && reverse is Dictionary<string, object?> reverseMap)
        {
            var referenced = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            foreach (var (property, values) in reverseMap)
                foreach (var value in Keywords.AsList(values))
                    Generate(value, activeGraph, referenced, property, null);
        }
        if (map.TryGetValue("@graph", out var inner)) Generate(inner, id, null, null, null);
        if (map.TryGetValue("@included", out var included)) Generate(included, activeGraph, null, null, null);
        foreach (var property in map.Keys.Order(StringComparer.Ordinal))
        {
            if (property is "@id" or "@type" or "@index" or "@reverse" or "@graph" or "@included") continue;
            var name = Iri.IsBlankNode(property) ? NewBlank(property) : property;
            if (!node.ContainsKey(name)) node[name] = new List<object?>();
            Generate(map[property], activeGraph, id, name, null);
        }
    }

    private static void AddUnique(Dictionary<string, object?> node, string property, object? value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> list) node[property] = list = [];
        foreach (var item in list)
            if (PlainJson.DeepEquals(item, value)) return;
        list.Add(value);
    }
}

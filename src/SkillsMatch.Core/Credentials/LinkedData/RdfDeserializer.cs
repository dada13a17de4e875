using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// Expanded JSON-LD to an RDF dataset: the Node Map Generation algorithm (JSON-LD 1.1 API §7.2.2) and
/// Deserialize JSON-LD to RDF (§8.1.2, Object to RDF §8.2.2, List to RDF §8.3.2).
/// </summary>
public static partial class RdfDeserializer
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    public static List<RdfQuad> ToRdf(List<object?> expanded, JsonLdOptions options)
    {
        var state = new NodeMap();
        state.Generate(expanded, "@default", null, null, null);
        var quads = new List<RdfQuad>();
        foreach (var (graphName, graph) in state.Graphs.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                if (!Iri.IsBlankNode(graphName) && !Iri.IsWellFormed(graphName)) continue;
                graphTerm = Node(graphName);
            }
            foreach (var (subject, node) in graph.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                if (!Iri.IsBlankNode(subject) && !Iri.IsWellFormed(subject)) continue;
                var s = Node(subject);
                foreach (var (property, values) in node.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (property == "@type")
                    {
                        foreach (var type in (List<object?>)values!)
                            if (type is string t && (Iri.IsBlankNode(t) || Iri.IsWellFormed(t)))
                                quads.Add(new RdfQuad(s, RdfTerm.Iri(Rdf + "type"), Node(t), graphTerm));
                        continue;
                    }
                    if (Keywords.Is(property)) continue;
                    if (Iri.IsBlankNode(property) && !options.ProduceGeneralizedRdf) continue;
                    if (!Iri.IsBlankNode(property) && !Iri.IsWellFormed(property)) continue;
                    var p = Node(property);
                    foreach (var item in (List<object?>)values!)
                    {
                        var listQuads = new List<RdfQuad>();
                        var o = ObjectToRdf(item, listQuads, state, options, graphTerm);
                        if (o is not null) quads.Add(new RdfQuad(s, p, o, graphTerm));
                        quads.AddRange(listQuads);
                    }
                }
            }
        }
        return quads;
    }

    private static RdfTerm Node(string id) => Iri.IsBlankNode(id) ? RdfTerm.Blank(id[2..]) : RdfTerm.Iri(id);

    private static RdfTerm? ObjectToRdf(object? item, List<RdfQuad> listQuads, NodeMap state, JsonLdOptions options, RdfTerm? graph)
    {
        if (item is not Dictionary<string, object?> map) return null;
        if (Keywords.IsNodeObject(map))
        {
            var id = map.GetValueOrDefault("@id") as string;
            if (id is null || (!Iri.IsBlankNode(id) && !Iri.IsWellFormed(id))) return null;
            return Node(id);
        }
        if (map.TryGetValue("@list", out var list)) return ListToRdf((List<object?>)list!, listQuads, state, options, graph);

        var value = map["@value"];
        var datatype = map.GetValueOrDefault("@type") as string;
        if (datatype is not null && datatype != "@json" && !Iri.IsWellFormed(datatype)) return null;
        var language = map.GetValueOrDefault("@language") as string;
        if (language is not null && !LanguageTag().IsMatch(language)) return null;
        string text;
        if (datatype == "@json")
        {
            text = PlainJson.Canonical(value);
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            text = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double d && (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Xsd + "double"))
        {
            text = CanonicalDouble(d);
            datatype ??= Xsd + "double";
        }
        else if (value is double i)
        {
            text = i == 0 ? "0" : i.ToString("F0", CultureInfo.InvariantCulture); // -0 is 0
            datatype ??= Xsd + "integer";
        }
        else
        {
            text = value as string ?? "";
            datatype ??= language is not null ? Rdf + "langString" : Xsd + "string";
        }

        if (map.GetValueOrDefault("@direction") is string direction && options.RdfDirection is not null)
        {
            var lang = (language ?? "").ToLowerInvariant();
            if (options.RdfDirection == "i18n-datatype")
                return RdfTerm.Literal(text, $"https://www.w3.org/ns/i18n#{lang}_{direction}");
            if (options.RdfDirection == "compound-literal")
            {
                var node = RdfTerm.Blank(state.NewBlank()[2..]);
                listQuads.Add(new RdfQuad(node, RdfTerm.Iri(Rdf + "value"), RdfTerm.Literal(text), graph));
                if (language is not null) listQuads.Add(new RdfQuad(node, RdfTerm.Iri(Rdf + "language"), RdfTerm.Literal(lang), graph));
                listQuads.Add(new RdfQuad(node, RdfTerm.Iri(Rdf + "direction"), RdfTerm.Literal(direction), graph));
                return node;
            }
        }
        return language is not null && datatype == Rdf + "langString" ? RdfTerm.Literal(text, null, language) : RdfTerm.Literal(text, datatype);
    }

    private static RdfTerm ListToRdf(List<object?> list, List<RdfQuad> listQuads, NodeMap state, JsonLdOptions options, RdfTerm? graph)
    {
        if (list.Count == 0) return RdfTerm.Iri(Rdf + "nil");
        var nodes = list.Select(_ => RdfTerm.Blank(state.NewBlank()[2..])).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var nested = new List<RdfQuad>();
            var o = ObjectToRdf(list[i], nested, state, options, graph);
            if (o is not null) listQuads.Add(new RdfQuad(nodes[i], RdfTerm.Iri(Rdf + "first"), o, graph));
            listQuads.Add(new RdfQuad(nodes[i], RdfTerm.Iri(Rdf + "rest"), i + 1 < nodes.Count ? nodes[i + 1] : RdfTerm.Iri(Rdf + "nil"), graph));
            listQuads.AddRange(nested);
        }
        return nodes[0];
    }

    /// <summary>XSD canonical double as JSON-LD writes it: d.ddddE[-]n with trailing zeros trimmed (§8.2.2 step 9).</summary>
    internal static string CanonicalDouble(double d)
    {
        var s = d.ToString("E15", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E', StringComparison.Ordinal);
        var mantissa = s[..e].TrimEnd('0');
        if (mantissa.EndsWith('.')) mantissa += "0";
        var exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}

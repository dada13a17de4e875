using System.Xml;

namespace SkillsMatch.Credentials.Formats;

/// <summary>
/// Extracts a baked credential from an SVG: <c>&lt;openbadges:credential&gt;</c> (OB 3.0 "Badge Baking", SVG) or the
/// OB 2.0 <c>&lt;openbadges:assertion&gt;</c> (its text, or its <c>verify</c> attribute for a hosted URL).
/// DTDs are prohibited and nothing external is resolved: a badge image must not make us read files or URLs.
/// </summary>
internal static class SvgBadge
{
    public static string Extract(ReadOnlyMemory<byte> svg, int maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = new MemoryStream(svg.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            bool sawSvg = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawSvg)
                {
                    if (reader.LocalName != "svg") throw Malformed("the document's root element is not <svg>");
                    sawSvg = true;
                    continue;
                }
                if (!IsOpenBadges(reader)) continue;
                if (reader.LocalName == "credential") return Content(reader);
                if (reader.LocalName == "assertion")
                {
                    var verify = reader.GetAttribute("verify");
                    var text = reader.IsEmptyElement ? "" : reader.ReadElementContentAsString().Trim();
                    return text.Length > 0 ? text : verify ?? throw Malformed("the openbadges:assertion element is empty");
                }
            }
            throw new CredentialFormatException("the SVG carries no openbadges:credential or openbadges:assertion element") { Code = ReasonCodes.UnsupportedFormat };
        }
        catch (XmlException e)
        {
            // Our words, not XmlReader's (which name its own settings, e.g. DtdProcessing): issue 15.
            throw Malformed(e.LineNumber > 0 ? $"the SVG is not well-formed XML, or declares a DTD (line {e.LineNumber})" : "the SVG is not well-formed XML, or declares a DTD");
        }
    }

    private static bool IsOpenBadges(XmlReader reader) =>
        reader.Prefix == "openbadges"
        || reader.NamespaceURI is "https://purl.imsglobal.org/ob/v3p0" or "http://openbadges.org";

    private static string Content(XmlReader reader)
    {
        var text = reader.IsEmptyElement ? "" : reader.ReadElementContentAsString().Trim();
        return text.Length > 0 ? text : throw Malformed("the openbadges:credential element is empty");
    }

    private static CredentialFormatException Malformed(string message) => new(message) { Code = ReasonCodes.MalformedSvg };
}

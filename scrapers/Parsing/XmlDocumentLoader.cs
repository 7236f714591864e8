using System.Xml;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Loads a feed's XML: strictly first (fast, exact); when that fails, with <see cref="LenientXmlReader"/>,
/// which reads past the faults a browser reads past.
/// </summary>
public static class XmlDocumentLoader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
    };

    /// <summary>The root element and, when the strict read failed, the fault that was repaired around.</summary>
    public static (XElement? Root, string? Fault) Load(string xml) => Load(xml, ParseBudget.DepthOnly());

    /// <summary>As <see cref="Load(string)"/>, refusing documents nested deeper or taking longer than <paramref name="budget"/> allows.</summary>
    public static (XElement? Root, string? Fault) Load(string xml, ParseBudget budget)
    {
        try
        {
            // A cheap streaming pass first: the tree builder and the mappers are not linear in depth.
            CheckShape(xml, budget);
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return (XDocument.Load(reader, LoadOptions.None).Root, null);
        }
        catch (XmlException e)
        {
            return (LenientXmlReader.Read(xml, budget), e.Message);
        }
    }

    private static void CheckShape(string xml, ParseBudget budget)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        while (reader.Read())
        {
            budget.Tick();
            if (reader.NodeType == XmlNodeType.Element) budget.CheckDepth(reader.Depth + 1);
        }
    }
}

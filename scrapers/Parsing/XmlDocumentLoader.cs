using System.Xml;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Loads a feed's XML: strictly first; when that fails, repairs the text and reads it with a
/// reader that keeps everything up to the first unrecoverable fault and ignores trailing garbage.
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
    public static (XElement? Root, string? Fault) Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return (XDocument.Load(reader, LoadOptions.None).Root, null);
        }
        catch (XmlException e)
        {
            return (Salvage(XmlTextRepairer.Repair(xml)), e.Message);
        }
    }

    private static XElement? Salvage(string xml)
    {
        XElement? root = null;
        var open = new Stack<XElement>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = ReadElement(reader);
                        if (open.Count == 0)
                        {
                            if (root is not null) return root;
                            root = element;
                        }
                        else open.Peek().Add(element);
                        if (!reader.IsEmptyElement) open.Push(element);
                        else if (open.Count == 0) return root;
                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        if (open.Count == 0) return root;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0) open.Peek().Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.CDATA:
                        if (open.Count > 0) open.Peek().Add(new XCData(reader.Value));
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // Keep what was read before the fault: the items above it are whole.
        }
        return root;
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Namespace declarations are already in every XName; copying them could clash when serialised.
                if (reader.NamespaceURI == XNamespace.Xmlns.NamespaceName) continue;
                var name = XName.Get(reader.LocalName, reader.NamespaceURI);
                if (element.Attribute(name) is null) element.Add(new XAttribute(name, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }
}

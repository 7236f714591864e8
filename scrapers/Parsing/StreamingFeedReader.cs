using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// The strict path: one <see cref="XmlReader"/> pass straight into <see cref="FeedNode"/>s, keeping only
/// the levels the mappers read (the root, channels, items and entries and their children, an entry author's name)
/// and only the text below them; no document tree is built. Depth and time are checked on every node.
/// Any well-formedness fault surfaces as the reader's <see cref="XmlException"/>, for the lenient path.
/// </summary>
internal static class StreamingFeedReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
    };

    /// <summary>The document's root element, read to the end of the document.</summary>
    public static FeedNode Read(string xml, ParseBudget budget)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        if (reader.MoveToContent() != XmlNodeType.Element) throw new XmlException("Root element is missing.");
        var root = ReadElement(reader, budget, null, null, keepChildren: true);
        // The rest must be well-formed too (a second root, a stray tag): then the lenient path reads the document.
        while (reader.Read()) budget.Tick();
        return root;
    }

    /// <summary>Reads the element the reader is on, through its end tag; its child elements become nodes when <paramref name="keepChildren"/>.</summary>
    private static FeedNode ReadElement(XmlReader reader, ParseBudget budget, BaseChain? bases, NamespaceChain? namespaces, bool keepChildren)
    {
        budget.CheckDepth(reader.Depth + 1);
        var localName = reader.LocalName;
        var namespaceName = reader.NamespaceURI;
        string? xmlBase = null;
        List<XAttribute>? declarations = null;
        List<(string, string, string)>? attributes = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlnsNamespace) (declarations ??= []).Add(new XAttribute(XName.Get(reader.LocalName, reader.Prefix.Length == 0 ? "" : XmlnsNamespace), reader.Value));
                else
                {
                    if (reader.LocalName == "base" && reader.NamespaceURI == FeedElements.Xml) xmlBase = reader.Value;
                    (attributes ??= []).Add((reader.LocalName, reader.NamespaceURI, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        var node = new FeedNode(localName, namespaceName)
        {
            Bases = BaseChain.Push(bases, xmlBase),
            KeepsText = !keepChildren || reader.Depth > 0 && localName is not ("channel" or "item" or "entry"),
        };
        if (attributes is not null)
        {
            foreach (var (local, ns, value) in attributes) node.AddAttribute(local, ns, value);
        }
        if (AtomMapper.IsXhtml(node.Attribute("type")))
        {
            node.Tree = XhtmlTree(reader, budget, namespaces);
            return node;
        }
        namespaces = declarations is null ? namespaces : new NamespaceChain(declarations, namespaces);
        if (reader.IsEmptyElement)
        {
            node.SetText("");
            return node;
        }
        if (!keepChildren)
        {
            node.SetText(ReadText(reader, budget));
            return node;
        }
        // The mappers read the children of channels, items and entries, and below those only an Atom author's name.
        var isEntry = localName == "entry";
        while (reader.Read())
        {
            budget.Tick();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    node.AddChild(ReadElement(reader, budget, node.Bases, namespaces, reader.LocalName is "channel" or "item" or "entry" || (isEntry && reader.LocalName == "author")));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    node.AddText(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    return node;
            }
        }
        return node;
    }

    /// <summary>All text below the element the reader is on (not empty), through its end tag.</summary>
    private static string ReadText(XmlReader reader, ParseBudget budget)
    {
        var start = reader.Depth;
        string? single = null;
        StringBuilder? text = null;
        while (reader.Read())
        {
            budget.Tick();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    budget.CheckDepth(reader.Depth + 1);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null && text is null) single = reader.Value;
                    else (text ??= new StringBuilder(single)).Append(reader.Value);
                    break;
                case XmlNodeType.EndElement when reader.Depth == start:
                    return text?.ToString() ?? single ?? "";
            }
        }
        return text?.ToString() ?? single ?? "";
    }

    /// <summary>
    /// The element as an <see cref="XElement"/>, built as <see cref="XDocument.Load(XmlReader)"/> builds it, under
    /// stand-ins for its ancestors carrying their namespace declarations, so its markup serialises with the same prefixes.
    /// </summary>
    private static XElement XhtmlTree(XmlReader reader, ParseBudget budget, NamespaceChain? namespaces)
    {
        var start = reader.Depth;
        var root = StartElement(reader);
        if (namespaces is not null) Ancestors(namespaces).Add(root);
        if (reader.IsEmptyElement) return root;
        var open = new Stack<XElement>();
        open.Push(root);
        while (reader.Read())
        {
            budget.Tick();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    budget.CheckDepth(reader.Depth + 1);
                    var element = StartElement(reader);
                    open.Peek().Add(element);
                    if (!reader.IsEmptyElement) open.Push(element);
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    open.Peek().Add(new XText(reader.Value));
                    break;
                case XmlNodeType.CDATA:
                    open.Peek().Add(new XCData(reader.Value));
                    break;
                case XmlNodeType.EndElement:
                    // <a></a> stays <a></a> when written, as XDocument keeps it.
                    var closed = open.Pop();
                    if (closed.IsEmpty) closed.Add(string.Empty);
                    if (reader.Depth == start) return root;
                    break;
            }
        }
        return root;
    }

    private static XElement StartElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = reader.Prefix.Length == 0 ? "" : reader.NamespaceURI;
                element.Add(new XAttribute(XName.Get(reader.LocalName, ns), reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    /// <summary>Nested stand-in elements holding the chain's declarations, outermost first; returns the innermost.</summary>
    private static XElement Ancestors(NamespaceChain namespaces)
    {
        var chain = new List<List<XAttribute>>();
        for (var c = namespaces; c is not null; c = c.Parent) chain.Add(c.Declarations);
        XElement? innermost = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var stand = new XElement("ancestor", chain[i].Select(a => new XAttribute(a)));
            innermost?.Add(stand);
            innermost = stand;
        }
        return innermost!;
    }

    private sealed record NamespaceChain(List<XAttribute> Declarations, NamespaceChain? Parent);
}

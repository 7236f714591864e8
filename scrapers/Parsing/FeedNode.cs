using System.Text;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// One element of a feed as the mappers see it: name, attributes, text and the children kept for it.
/// The streaming reader keeps only the levels a mapper looks at (channel, item, entry and their
/// children); the lenient reader's tree is wrapped whole. Text is the concatenation of all text below,
/// as <see cref="XElement.Value"/> gives it.
/// </summary>
internal sealed class FeedNode(string localName, string namespaceName)
{
    private static readonly List<FeedNode> NoChildren = [];

    private string? _value;
    private List<object>? _content;
    private List<FeedNode>? _children;
    private List<(string Local, string Ns, string Value)>? _attributes;

    public string LocalName { get; } = localName;

    public string NamespaceName { get; } = namespaceName;

    /// <summary>The xml:base values in force at this element, innermost first.</summary>
    public BaseChain? Bases { get; init; }

    /// <summary>The element as an <see cref="XElement"/> (with its ancestors' namespace declarations), for XHTML content only.</summary>
    public XElement? Tree { get; set; }

    public IReadOnlyList<FeedNode> Children => _children ?? NoChildren;

    public string Value
    {
        get
        {
            if (_value is not null) return _value;
            if (Tree is not null) return _value = Tree.Value;
            if (!KeepsText) throw new InvalidOperationException($"the text of <{LocalName}> was not kept");
            if (_content is null) return _value = "";
            var text = new StringBuilder();
            foreach (var part in _content) text.Append(part as string ?? ((FeedNode)part).Value);
            return _value = text.ToString();
        }
    }

    public void AddAttribute(string local, string ns, string value) => (_attributes ??= []).Add((local, ns, value));

    public string? Attribute(string local, string ns = "")
    {
        if (_attributes is null) return null;
        foreach (var a in _attributes)
        {
            if (a.Local == local && a.Ns == ns) return a.Value;
        }
        return null;
    }

    /// <summary>Sets the text of an element whose children are not kept.</summary>
    public void SetText(string text) => _value = text;

    /// <summary>
    /// Whether the element's own text is kept beside its children. The mappers never read the text of a
    /// whole channel, item or entry, so the streaming reader does not keep it (reading it then is a bug).
    /// </summary>
    public bool KeepsText { get; init; } = true;

    public void AddText(string text)
    {
        if (KeepsText) (_content ??= []).Add(text);
    }

    public void AddChild(FeedNode child)
    {
        (_children ??= []).Add(child);
        if (KeepsText) (_content ??= []).Add(child);
    }

    /// <summary>Wraps a lenient reader's element and all below it.</summary>
    public static FeedNode From(XElement element, BaseChain? parentBases, ParseBudget budget)
    {
        budget.Tick();
        var xmlBase = element.Attribute(XNamespace.Xml + "base")?.Value;
        var node = new FeedNode(element.Name.LocalName, element.Name.NamespaceName) { Bases = BaseChain.Push(parentBases, xmlBase) };
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration) node.AddAttribute(attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value);
        }
        node.Tree = element;
        foreach (var child in element.Elements()) (node._children ??= []).Add(From(child, node.Bases, budget));
        return node;
    }
}

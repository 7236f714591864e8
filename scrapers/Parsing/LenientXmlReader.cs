using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Reads markup that is not well-formed XML the way a browser would: bare ampersands and HTML
/// entities are text, control characters are dropped, an end tag closes the nearest open element
/// of its name (stray ones are ignored), undeclared prefixes get a namespace, unclosed elements
/// close at the end, and anything after the root element is ignored.
/// </summary>
public static class LenientXmlReader
{
    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["xml"] = XNamespace.Xml.NamespaceName,
    };

    private sealed record Open(XElement Element, string RawName, Dictionary<string, string> Scope);

    /// <summary>The root element, or null when the text holds no element at all.</summary>
    public static XElement? Read(string text) => Read(text, ParseBudget.DepthOnly());

    /// <summary>As <see cref="Read(string)"/>, refusing documents nested deeper or taking longer than <paramref name="budget"/> allows.</summary>
    public static XElement? Read(string text, ParseBudget budget)
    {
        XElement? root = null;
        var open = new List<Open>();
        var i = 0;
        while (i < text.Length)
        {
            budget.Tick();
            if (text[i] != '<' || i + 1 >= text.Length)
            {
                var end = text.IndexOf('<', i + 1);
                if (end < 0) end = text.Length;
                if (open.Count > 0) open[^1].Element.Add(new XText(Decode(text.AsSpan(i, end - i))));
                i = end;
                continue;
            }
            if (Skip(text, ref i, "<!--", "-->") || Skip(text, ref i, "<?", "?>")) continue;
            if (string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0)
            {
                var close = text.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                var content = close < 0 ? text[(i + 9)..] : text[(i + 9)..close];
                if (open.Count > 0) open[^1].Element.Add(new XCData(Clean(content)));
                i = close < 0 ? text.Length : close + 3;
                continue;
            }
            if (text[i + 1] == '!')
            {
                SkipDeclaration(text, ref i);
                continue;
            }
            if (text[i + 1] == '/')
            {
                var close = text.IndexOf('>', i);
                var name = (close < 0 ? text[(i + 2)..] : text[(i + 2)..close]).Trim();
                i = close < 0 ? text.Length : close + 1;
                var at = open.FindLastIndex(o => o.RawName == name);
                if (at < 0) at = open.FindLastIndex(o => string.Equals(o.RawName, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) open.RemoveRange(at, open.Count - at);
                if (open.Count == 0 && root is not null) return root;
                continue;
            }
            if (!(char.IsLetter(text[i + 1]) || text[i + 1] is '_' or ':'))
            {
                // A "<" that starts no tag ("a < b") is text.
                if (open.Count > 0) open[^1].Element.Add(new XText("<"));
                i++;
                continue;
            }
            var (element, raw, scope, selfClosing) = ReadStartTag(text, ref i, open.Count > 0 ? open[^1].Scope : null);
            if (open.Count == 0)
            {
                if (root is not null) return root;
                root = element;
            }
            else open[^1].Element.Add(element);
            if (!selfClosing)
            {
                open.Add(new Open(element, raw, scope));
                budget.CheckDepth(open.Count);
            }
            else if (open.Count == 0) return root;
        }
        return root;
    }

    private static (XElement, string, Dictionary<string, string>, bool) ReadStartTag(string text, ref int i, Dictionary<string, string>? parentScope)
    {
        var start = i + 1;
        var p = start;
        while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] is not '/' and not '>') p++;
        var raw = text[start..p];
        var attributes = new List<(string Name, string Value)>();
        var selfClosing = false;
        while (p < text.Length)
        {
            while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
            if (p >= text.Length) break;
            if (text[p] == '>') { p++; break; }
            if (text[p] == '/') { selfClosing = p + 1 < text.Length && text[p + 1] == '>'; p++; continue; }
            var nameStart = p;
            while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] is not '=' and not '>' and not '/') p++;
            var name = text[nameStart..p];
            if (name.Length == 0) { p++; continue; }
            while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
            var value = "";
            if (p < text.Length && text[p] == '=')
            {
                p++;
                while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
                if (p < text.Length && text[p] is '"' or '\'')
                {
                    var quote = text[p];
                    var close = text.IndexOf(quote, p + 1);
                    if (close < 0) close = text.Length;
                    value = text[(p + 1)..close];
                    p = Math.Min(close + 1, text.Length);
                }
                else
                {
                    var valueStart = p;
                    while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] != '>') p++;
                    value = text[valueStart..p];
                }
            }
            attributes.Add((name, Decode(value)));
        }
        i = p;
        var scope = parentScope;
        foreach (var (name, value) in attributes.Where(a => a.Name == "xmlns" || a.Name.StartsWith("xmlns:", StringComparison.Ordinal)))
        {
            scope = scope is null ? new(StringComparer.Ordinal) : scope == parentScope ? new(scope, StringComparer.Ordinal) : scope;
            scope[name == "xmlns" ? "" : name[6..]] = value;
        }
        scope ??= new(StringComparer.Ordinal);
        var element = new XElement(Qualify(raw, scope, isAttribute: false));
        foreach (var (name, value) in attributes)
        {
            if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal)) continue;
            XName qualified;
            try { qualified = Qualify(name, scope, isAttribute: true); }
            catch (System.Xml.XmlException) { continue; }
            if (element.Attribute(qualified) is null) element.Add(new XAttribute(qualified, Clean(value)));
        }
        return (element, raw, scope, selfClosing);
    }

    private static XName Qualify(string raw, Dictionary<string, string> scope, bool isAttribute)
    {
        var colon = raw.IndexOf(':');
        var prefix = colon > 0 ? raw[..colon] : "";
        var local = XmlSafe(colon > 0 ? raw[(colon + 1)..] : raw);
        if (prefix.Length == 0)
            return isAttribute ? XName.Get(local) : XName.Get(local, scope.GetValueOrDefault("") ?? "");
        var ns = scope.GetValueOrDefault(prefix) ?? KnownPrefixes.GetValueOrDefault(prefix) ?? "urn:x-undeclared:" + prefix;
        return XName.Get(local, ns);
    }

    private static string XmlSafe(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name) safe.Append(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        if (safe.Length == 0 || !(char.IsLetter(safe[0]) || safe[0] == '_')) safe.Insert(0, '_');
        return safe.ToString();
    }

    private static bool Skip(string text, ref int i, string open, string close)
    {
        if (string.CompareOrdinal(text, i, open, 0, open.Length) != 0) return false;
        var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        i = end < 0 ? text.Length : end + close.Length;
        return true;
    }

    private static void SkipDeclaration(string text, ref int i)
    {
        var close = text.IndexOf('>', i);
        var bracket = text.IndexOf('[', i);
        if (bracket >= 0 && (close < 0 || bracket < close))
        {
            var end = text.IndexOf("]>", bracket, StringComparison.Ordinal);
            close = end < 0 ? close : end + 1;
        }
        i = close < 0 ? text.Length : close + 1;
    }

    /// <summary>Decodes character and entity references the way HTML does; a reference that is not one stays as written.</summary>
    private static string Decode(ReadOnlySpan<char> span)
    {
        var text = span.ToString();
        if (!text.Contains('&')) return Clean(text);
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var amp = text.IndexOf('&', i);
            if (amp < 0) { output.Append(text, i, text.Length - i); break; }
            output.Append(text, i, amp - i);
            var semi = text.IndexOf(';', amp);
            var reference = semi > amp + 1 && semi - amp <= 33 ? text[(amp + 1)..semi] : null;
            var decoded = reference is null ? null : Reference(reference);
            if (decoded is null) { output.Append('&'); i = amp + 1; }
            else { output.Append(decoded); i = semi + 1; }
        }
        return Clean(output.ToString());
    }

    private static string? Reference(string reference)
    {
        switch (reference)
        {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
        }
        if (reference[0] == '#')
        {
            var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
            var digits = hex ? reference[2..] : reference[1..];
            if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return null;
            return Rune.IsValid(code) ? char.ConvertFromUtf32(code) : "";
        }
        if (!reference.All(char.IsAsciiLetterOrDigit)) return null;
        var html = "&" + reference + ";";
        var value = WebUtility.HtmlDecode(html);
        return value == html ? null : value;
    }

    /// <summary>Drops characters XML forbids (C0 controls other than tab and line ends, lone surrogates).</summary>
    private static string Clean(string text)
    {
        StringBuilder? output = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            var valid = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (valid) output?.Append(c);
            else output ??= new StringBuilder(text.Length).Append(text, 0, i);
        }
        return output?.ToString() ?? text;
    }
}

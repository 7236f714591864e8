using System.Text;
using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>
/// Turns response bytes into text. Order of evidence: byte-order mark, Content-Type charset,
/// XML prolog encoding, HTML meta charset, then UTF-8. A declaration that the bytes contradict
/// loses: strictly valid multi-byte UTF-8 is UTF-8 whatever a label says, and bytes that are not
/// valid UTF-8 fall back to windows-1252 (the web's de facto "Latin-1").
/// </summary>
public static partial class CharsetDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentTypeCharset"/> is the charset parameter of the Content-Type header, if any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeCharset = null)
    {
        var encoding = Detect(bytes, contentTypeCharset, out var bomLength);
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>The encoding the bytes are in, and the length of the byte-order mark to skip.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, string? contentTypeCharset, out int bomLength)
    {
        if (FromBom(bytes, out bomLength) is { } bom) return bom;
        var declared = Lookup(contentTypeCharset) ?? Lookup(PrologEncoding(bytes)) ?? Lookup(MetaCharset(bytes));
        var validUtf8 = IsValidUtf8(bytes, out var hasMultiByte);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
            return validUtf8 ? Encoding.UTF8 : Encoding.GetEncoding(1252);
        // UTF-16/32 labels on bytes without a BOM are nearly always wrong (the text was re-encoded by a proxy).
        if (declared is UnicodeEncoding or UTF32Encoding) return validUtf8 ? Encoding.UTF8 : Encoding.GetEncoding(1252);
        if (validUtf8 && hasMultiByte) return Encoding.UTF8;
        return declared;
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> b, out int length)
    {
        (Encoding? encoding, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding?)Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            _ => (null, 0),
        };
        return encoding;
    }

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var clean = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // Browsers read ISO-8859-1 and ASCII labels as windows-1252, whose extra letters (€, curly quotes) real feeds use.
        if (clean is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso_8859-1") clean = "windows-1252";
        if (clean is "utf8") clean = "utf-8";
        try { return Encoding.GetEncoding(clean); }
        catch (ArgumentException) { return null; }
    }

    private static string? PrologEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var match = PrologPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        // The whole head may sit past the first kilobyte (long comments, inline scripts), so look further.
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 64 * 1024)]);
        var end = head.IndexOf("</head", StringComparison.OrdinalIgnoreCase);
        if (end > 0) head = head[..end];
        var match = MetaCharsetPattern().Match(head);
        if (match.Success) return match.Groups[1].Value;
        match = HttpEquivPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasMultiByte)
    {
        hasMultiByte = bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF);
        if (!hasMultiByte) return true;
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex PrologPattern();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex("""<meta[^>]+http-equiv\s*=\s*["']?content-type["']?[^>]*content\s*=\s*["'][^"']*charset=([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HttpEquivPattern();
}

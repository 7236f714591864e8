using System.Net;
using System.Net.Sockets;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Says whether an IP address is public, or which non-public range it lies in.</summary>
public static class AddressClassifier
{
    /// <summary>Null for a public unicast address; otherwise a phrase such as "a loopback address".</summary>
    public static string? NonPublicKind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => "not an IP address",
        };
    }

    private static string? ClassifyV4(byte[] b)
    {
        if (b[0] == 169 && b[1] == 254 && b[2] == 169 && b[3] == 254) return "the cloud metadata address";
        return b[0] switch
        {
            0 => "an unspecified (0.0.0.0/8) address",
            127 => "a loopback address",
            10 => "a private address",
            172 when b[1] is >= 16 and <= 31 => "a private address",
            192 when b[1] == 168 => "a private address",
            169 when b[1] == 254 => "a link-local address",
            100 when b[1] is >= 64 and <= 127 => "a carrier-grade NAT (100.64/10) address",
            192 when b[1] == 0 && b[2] == 0 => "an IETF protocol (192.0.0/24) address",
            198 when b[1] is 18 or 19 => "a benchmarking (198.18/15) address",
            >= 224 and <= 239 => "a multicast address",
            >= 240 => "a reserved or broadcast address",
            _ => null,
        };
    }

    private static string? ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback)) return "a loopback address";
        if (address.Equals(IPAddress.IPv6Any)) return "an unspecified address";
        if (address.IsIPv6LinkLocal) return "a link-local address";
        if (address.IsIPv6SiteLocal) return "a site-local address";
        if (address.IsIPv6Multicast) return "a multicast address";
        var b = address.GetAddressBytes();
        if ((b[0] & 0xFE) == 0xFC) return "a unique-local (fc00::/7) address";
        // Forms that embed an IPv4 address are judged by the address they carry.
        if (b.Take(12).All(x => x == 0)) return ClassifyV4(b[12..16]) ?? "an IPv4-compatible IPv6 address";
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) return ClassifyV4(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(b[2..6]);
        return null;
    }
}

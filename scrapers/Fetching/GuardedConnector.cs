using System.Net;
using System.Net.Sockets;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>
/// The connect step of the HTTP handler: resolves the host itself, checks every address against the
/// request's <see cref="AddressGuard"/> (if any), and connects to the checked address, so a DNS answer
/// that changes between check and connect (rebinding) cannot slip through.
/// </summary>
public static class GuardedConnector
{
    /// <summary>The request option that carries the guard; absent for trusted (operator) sources.</summary>
    public static readonly HttpRequestOptionsKey<AddressGuard> GuardKey = new("NewsBrief.AddressGuard");

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        context.InitialRequestMessage.Options.TryGetValue(GuardKey, out var guard);
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveAsync(host, ct);
        // A connection to a proxy is not one to the target: the operator chose the proxy, and the fetcher has
        // checked the target's own addresses before sending (HttpFetcher.PreflightAsync).
        var toTarget = context.InitialRequestMessage.RequestUri is not { } target
            || (string.Equals(target.IdnHost, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && target.Port == port);
        if (guard is not null && toTarget) Enforce(guard, addresses, port);
        return await ConnectAnyAsync(addresses, port, ct);
    }

    /// <summary>Resolves a host name or IP literal (brackets allowed) to its addresses.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal)) return [literal];
        return await Dns.GetHostAddressesAsync(bare, ct);
    }

    /// <summary>Throws <see cref="AddressRefusedException"/> when any address is refused: a name with one private answer is not trusted.</summary>
    public static void Enforce(AddressGuard guard, IEnumerable<IPAddress> addresses, int port)
    {
        foreach (var address in addresses)
        {
            if (guard.Check(address, port) is { } refusal) throw new AddressRefusedException(refusal);
        }
    }

    private static async ValueTask<Stream> ConnectAnyAsync(IPAddress[] addresses, int port, CancellationToken ct)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}

using System.Net;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>
/// The private-address policy of one request: refuses every non-public address, except endpoints
/// an exemption allows (tests use one to let their own loopback server through).
/// </summary>
public sealed class AddressGuard
{
    private readonly Func<IPEndPoint, bool>? _exempt;

    private AddressGuard(Func<IPEndPoint, bool>? exempt) => _exempt = exempt;

    /// <summary>Only public addresses.</summary>
    public static AddressGuard PublicOnly { get; } = new(null);

    /// <summary>Public addresses plus the endpoints <paramref name="exempt"/> accepts.</summary>
    public static AddressGuard Except(Func<IPEndPoint, bool> exempt) => new(exempt);

    /// <summary>Null when the endpoint may be reached; otherwise the refusal message.</summary>
    public string? Check(IPAddress address, int port)
    {
        if (_exempt?.Invoke(new IPEndPoint(address, port)) == true) return null;
        var kind = AddressClassifier.NonPublicKind(address);
        return kind is null ? null : RefusalMessage(address, kind);
    }

    internal static string RefusalMessage(IPAddress address, string kind) =>
        $"refused: {address} is {kind}; user-supplied URLs must resolve to public addresses (Fetch:AllowPrivateAddresses)";
}

/// <summary>Thrown inside the connect callback when the guard refuses an address; mapped to <see cref="FetchStatus.Refused"/>.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);

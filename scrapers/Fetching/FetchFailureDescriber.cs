using System.Net.Sockets;
using System.Security.Authentication;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Maps a failed send to the closed <see cref="FetchStatus"/> set with a message a user can read.</summary>
public static class FetchFailureDescriber
{
    public static (FetchStatus Status, string Message) Describe(Exception error, Uri url)
    {
        if (Find<AddressRefusedException>(error) is { } refused) return (FetchStatus.Refused, refused.Message);
        var host = url.IdnHost;
        if (Find<SocketException>(error) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain or SocketError.NoRecovery =>
                    (FetchStatus.NetworkError, $"DNS lookup failed: host '{host}' was not found"),
                SocketError.ConnectionRefused => (FetchStatus.NetworkError, $"connection refused by {host}:{url.Port}"),
                SocketError.TimedOut => (FetchStatus.Timeout, $"connecting to {host}:{url.Port} timed out"),
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => (FetchStatus.NetworkError, $"{host} is unreachable from here"),
                SocketError.ConnectionReset or SocketError.ConnectionAborted => (FetchStatus.NetworkError, $"connection to {host} was reset"),
                _ => (FetchStatus.NetworkError, $"network error talking to {host}: {socket.Message}"),
            };
        }
        if (Find<AuthenticationException>(error) is { } tls)
            return (FetchStatus.NetworkError, $"TLS handshake with {host} failed: {tls.Message}");
        if (error is HttpRequestException http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => (FetchStatus.NetworkError, $"DNS lookup failed: host '{host}' was not found"),
                HttpRequestError.SecureConnectionError => (FetchStatus.NetworkError, $"TLS handshake with {host} failed: {Innermost(http).Message}"),
                HttpRequestError.ConnectionError => (FetchStatus.NetworkError, $"could not connect to {host}: {Innermost(http).Message}"),
                HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded =>
                    (FetchStatus.NetworkError, $"{host} sent a broken HTTP response: {Innermost(http).Message}"),
                _ => (FetchStatus.NetworkError, $"network error talking to {host}: {Innermost(http).Message}"),
            };
        }
        if (error is IOException or InvalidDataException)
            return (FetchStatus.NetworkError, $"reading the response from {host} failed: {Innermost(error).Message}");
        return (FetchStatus.NetworkError, $"fetching {url} failed: {Innermost(error).Message}");
    }

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T match) return match;
        }
        return null;
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null) error = error.InnerException;
        return error;
    }
}

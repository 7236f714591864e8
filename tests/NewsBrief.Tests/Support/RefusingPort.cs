using System.Net;
using System.Net.Sockets;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A 127.0.0.1 port that refuses connections for as long as this object lives: a socket bound but never listening.
/// The kernel answers a connect with a reset (connection refused), and no other test or process can bind the port
/// meanwhile, unlike a port that was merely released and may be reused by anyone.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}/{path.TrimStart('/')}");

    public void Dispose() => _socket.Dispose();
}

using System.Net;
using System.Net.Sockets;

namespace NewsBrief.Tests.Support;

/// <summary>
/// Starts an <see cref="HttpListener"/> on a free 127.0.0.1 port and keeps it for the test's lifetime.
/// The managed listener cannot bind port 0, so a candidate port is learnt from the kernel; if another process takes
/// it first, the bind fails and the next candidate is tried (the listener is never re-bound once started).
/// Dispose it with one <see cref="HttpListener.Close"/>: on Linux, <c>Stop()</c> then <c>Close()</c> re-binds the
/// endpoint in between, which throws "Address already in use" when the port has been taken meanwhile.
/// </summary>
public static class LoopbackHttpListener
{
    private const int Attempts = 50;

    /// <summary>A started listener with the prefix <c>http://127.0.0.1:{port}/</c>.</summary>
    public static HttpListener Start(out int port)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var candidate = CandidatePort();
            var listener = new HttpListener();
            try
            {
                listener.Prefixes.Add($"http://127.0.0.1:{candidate}/");
                listener.Start();
                port = candidate;
                return listener;
            }
            catch (Exception e) when (e is HttpListenerException or SocketException)
            {
                // taken between the kernel naming it and our bind: try another one
                last = e;
                try { listener.Abort(); } catch (Exception) { /* never started */ }
            }
        }
        throw new InvalidOperationException($"no free loopback port after {Attempts} attempts", last);
    }

    private static int CandidatePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NewsBrief.Tests.Bot.Deliveries.Fakes;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives as parsed MIME messages.
/// With a user it requires that login (AUTH PLAIN/LOGIN without TLS, as on a trusted relay); it can be told to
/// answer the next messages with a given reply code (451 to test retries, 550 for permanent failures).
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    public const string User = "briefs@example.org";
    public const string Password = "smtp-secret-pw";

    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Store _store = new();

    public FakeSmtpServer(bool requireLogin = false)
    {
        // Bound once on port 0 and kept until disposed, so no other test can take the port in between.
        _listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(requireLogin))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new Login(requireLogin));
        services.Add(new BoundListenerFactory(_listener));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    private readonly System.Net.Sockets.TcpListener _listener;

    /// <summary>Hands the SMTP server the listener bound in the constructor instead of binding the endpoint again.</summary>
    private sealed class BoundListenerFactory(System.Net.Sockets.TcpListener listener) : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => new BoundListener(listener);
    }

    /// <summary>Accepts each session on the kept listener, as the package's own listener does on one it binds itself.</summary>
    private sealed class BoundListener(System.Net.Sockets.TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            context.Properties.Add(SmtpServer.Net.EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new PlainPipe(client);
        }

        public void Dispose() { }
    }

    /// <summary>A session's connection as pipes; the tests speak SMTP without TLS, so it never upgrades.</summary>
    private sealed class PlainPipe(System.Net.Sockets.TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(client.GetStream());
        public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(client.GetStream());
        public bool IsSecure => false;
        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the fake SMTP server has no TLS");

        public void Dispose() => client.Dispose();
    }

    /// <summary>The messages accepted so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages { get { lock (_store.Messages) return _store.Messages.ToList(); } }

    /// <summary>The next <paramref name="count"/> messages get this reply instead of 250.</summary>
    public void Reject(int code, string text, int count = 1)
    {
        for (var i = 0; i < count; i++) _store.Rejections.Enqueue(new SmtpResponse((SmtpReplyCode)code, text));
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        _listener.Stop();
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public readonly List<MimeMessage> Messages = [];
        public readonly ConcurrentQueue<SmtpResponse> Rejections = new();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Rejections.TryDequeue(out var rejection)) return Task.FromResult(rejection);
            var message = MimeMessage.Load(new MemoryStream(buffer.ToArray()));
            lock (Messages) Messages.Add(message);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Login(bool required) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(!required || (user == User && password == Password));
    }
}

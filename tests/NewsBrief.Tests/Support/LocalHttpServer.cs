using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 for tests: routes by path to handlers, records every request.
/// Unrouted paths answer 404.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public LocalHttpServer()
    {
        _listener = LoopbackHttpListener.Start(out var port);
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public Uri BaseUri { get; }

    /// <summary>Every request received, in order: method, path and query, headers.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    /// <summary>Routes a path (without query) to a handler.</summary>
    public void Map(string path, Func<HttpListenerContext, Task> handler) => _routes["/" + path.TrimStart('/')] = handler;

    /// <summary>Serves a fixed body with a content type and an optional ETag; answers 304 to a matching If-None-Match.</summary>
    public void MapContent(string path, string body, string contentType = "application/xml; charset=utf-8", string? etag = null) =>
        Map(path, async ctx =>
        {
            if (etag is not null && ctx.Request.Headers["If-None-Match"] == etag)
            {
                ctx.Response.StatusCode = 304;
                ctx.Response.Close();
                return;
            }
            if (etag is not null) ctx.Response.Headers["ETag"] = etag;
            await WriteAsync(ctx, 200, body, contentType);
        });

    /// <summary>
    /// Accepts the request and never answers (until the server is disposed): a source that is certain to time out,
    /// however long the timeout and however loaded the machine, unlike a handler that sleeps a little longer.
    /// </summary>
    public void MapHang(string path) => Map(path, async ctx =>
    {
        await _released.Task;
        try { ctx.Response.Abort(); } catch (Exception) { /* already gone */ }
    });

    public void MapStatus(string path, int status, string body = "") =>
        Map(path, ctx => WriteAsync(ctx, status, body, "text/plain"));

    public static async Task WriteAsync(HttpListenerContext ctx, int status, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength64 = bytes.Length;
        try
        {
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the client went away (a timeout test); nothing to do
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => ctx.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(ctx.Request.HttpMethod, ctx.Request.Url!.PathAndQuery, headers));
        try
        {
            if (_routes.TryGetValue(ctx.Request.Url!.AbsolutePath, out var handler)) await handler(ctx);
            else await WriteAsync(ctx, 404, "not found", "text/plain");
        }
        catch (Exception)
        {
            try { ctx.Response.Abort(); } catch (Exception) { /* already gone */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _released.TrySetResult();
        _listener.Close(); // one call: Stop() then Close() would re-bind the port in between
        try { await _loop; } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}

/// <summary>A request the <see cref="LocalHttpServer"/> received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);

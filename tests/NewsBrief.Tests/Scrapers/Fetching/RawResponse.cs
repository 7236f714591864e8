using System.Net;

namespace NewsBrief.Tests.Scrapers.Fetching;

/// <summary>Writes exact bytes and headers to a <see cref="HttpListenerContext"/>, for encodings, compression and redirects.</summary>
internal static class RawResponse
{
    public static async Task WriteAsync(HttpListenerContext ctx, int status, byte[] body, params (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) ctx.Response.ContentType = value;
            else ctx.Response.AddHeader(name, value);
        }
        ctx.Response.ContentLength64 = body.Length;
        try
        {
            await ctx.Response.OutputStream.WriteAsync(body);
            ctx.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the client stopped reading (a size-cap test); nothing to do
        }
    }

    public static Task RedirectAsync(HttpListenerContext ctx, int status, string location) =>
        WriteAsync(ctx, status, [], ("Location", location));
}

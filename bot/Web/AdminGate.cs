using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web;

/// <summary>
/// Who may change things: a request with <c>Authorization: Bearer TOKEN</c>, or with the session cookie the
/// login form sets (HttpOnly, SameSite=Strict; its value is derived from the token, never the token itself).
/// Without a configured token nobody may.
/// </summary>
public sealed class AdminGate(string? token)
{
    public const string CookieName = "newsbrief_admin";

    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    private readonly string? _session = token is null ? null
        : Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "newsbrief web session v1"u8));

    public bool Configured => _tokenHash is not null;

    /// <summary>Whether <paramref name="candidate"/> is the admin token (compared in constant time).</summary>
    public bool IsToken(string? candidate) => _tokenHash is not null && candidate is not null
        && CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Trim())));

    public bool IsAdmin(HttpContext context)
    {
        if (_session is null) return false;
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return IsToken(auth["Bearer ".Length..]);
        return context.Request.Cookies.TryGetValue(CookieName, out var cookie)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(_session));
    }

    /// <summary>Whether the request came with a bearer token (an API client, which needs no antiforgery token).</summary>
    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public void SignIn(HttpContext context) => context.Response.Cookies.Append(CookieName, _session!, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        MaxAge = TimeSpan.FromDays(30),
    });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    /// <summary>An unguessable token for a per-subscription feed URL: an HMAC of its id under the feed key.</summary>
    public static string FeedToken(byte[] key, long subscriptionId) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"subscription-feed:{subscriptionId}"))).ToLowerInvariant()[..32];
}

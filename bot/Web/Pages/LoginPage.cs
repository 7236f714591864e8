using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web.Pages;

/// <summary><c>/login</c> and <c>/logout</c>: the admin token in a form (antiforgery-checked) becomes an HttpOnly, SameSite=Strict session cookie.</summary>
public static class LoginPage
{
    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/login", (HttpContext ctx, IAntiforgery antiforgery, string? returnUrl) => Form(ctx, antiforgery, room, returnUrl, null, 200));
        app.MapPost("/login", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (await FormGuard.RejectAsync(ctx, antiforgery) is { } rejected) return rejected;
            var form = await ctx.Request.ReadFormAsync();
            var returnUrl = LocalPath(form["returnUrl"]);
            if (!room.Gate.Configured)
                return Form(ctx, antiforgery, room, returnUrl, "No admin token is configured (Web:AdminToken), so nobody can log in.", 403);
            if (!room.Gate.IsToken(form["token"]))
                return Form(ctx, antiforgery, room, returnUrl, "That is not the admin token.", 403);
            room.Gate.SignIn(ctx);
            return Results.Redirect(returnUrl ?? "/subscriptions");
        });
        app.MapPost("/logout", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (await FormGuard.RejectAsync(ctx, antiforgery) is { } rejected) return rejected;
            AdminGate.SignOut(ctx);
            return Results.Redirect("/");
        });
    }

    private static IResult Form(HttpContext ctx, IAntiforgery antiforgery, ReadingRoomServices room, string? returnUrl, string? error, int status)
    {
        var body = "<h1>Log in</h1>"
            + (error is null ? "" : $"<p class=\"error\" id=\"login-error\">{Html.E(error)}</p>")
            + "<form method=\"post\" action=\"/login\">" + FormGuard.Field(ctx, antiforgery)
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(LocalPath(returnUrl))}\">"
            + "<p><label>Admin token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label></p>"
            + "<p><button type=\"submit\">Log in</button></p></form>"
            + "<p class=\"muted\">Changing subscriptions needs the admin token (Web:AdminToken).</p>";
        return Html.Page("Log in", body, status, room.Gate.IsAdmin(ctx));
    }

    /// <summary>Only a path on this site is a place to return to (no open redirect to another host).</summary>
    public static string? LocalPath(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.Contains('\\') ? u : null;
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web;

/// <summary>Antiforgery for the HTML forms: the hidden field each form carries, and the check each POST makes first.</summary>
public static class FormGuard
{
    public static string Field(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    /// <summary>Null when the form's antiforgery token is good; else a 400 page saying so.</summary>
    public static async Task<IResult?> RejectAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Html.Page("Form expired", "<h1>The form has expired</h1><p class=\"error\">The form's security token is missing or stale. Go back, reload the page and send it again.</p>", 400);
        }
    }
}

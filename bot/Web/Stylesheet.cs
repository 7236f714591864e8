using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web;

/// <summary>The one stylesheet: readable on a phone, and a print form without navigation for briefs that get forwarded.</summary>
public static class Stylesheet
{
    public const string Css = """
        :root{--fg:#1b1b1b;--muted:#5c5c5c;--line:#ddd;--accent:#0b5cad;--mark:#fff2a8}
        *{box-sizing:border-box}
        body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);margin:0}
        header{border-bottom:1px solid var(--line);padding:.6rem 1rem}
        nav a{margin-right:.9rem;color:var(--accent);text-decoration:none}
        nav .brand{font-weight:700;color:var(--fg)}
        nav .admin{font-size:.8em;color:var(--muted);border:1px solid var(--line);padding:0 .4em;border-radius:3px}
        main{max-width:46rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.4rem 0}
        h2{font-size:1.25rem;margin-top:1.8rem;border-bottom:1px solid var(--line)}
        h3{font-size:1.05rem;margin-bottom:.3rem}
        a{color:var(--accent)}
        sup a{text-decoration:none}
        .meta,footer,.muted{color:var(--muted);font-size:.9em}
        .update{color:#a35a00}
        mark{background:var(--mark)}
        .error{color:#a00000;border-left:3px solid #a00000;padding-left:.6rem}
        .hit{margin:1rem 0}
        .hit p{margin:.2rem 0}
        table{border-collapse:collapse;width:100%;font-size:.92em}
        th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
        .table{overflow-x:auto}
        form.inline{display:inline}
        input[type=text],input[type=password],input[type=search],select{font:inherit;padding:.35rem;max-width:100%}
        input[type=search],input[name=query]{width:100%}
        button{font:inherit;padding:.3rem .8rem}
        .failing{color:#a00000}
        svg.trend{width:100%;height:auto;max-width:40rem}
        .timeline li{margin:.3rem 0}
        @media (max-width:600px){body{font-size:16px}main{padding:.6rem}nav a{display:inline-block;margin:.2rem .6rem .2rem 0}}
        @media print{header,nav,form,.noprint{display:none}body{font:11pt/1.4 Georgia,serif}main{max-width:none;padding:0}
          a{color:inherit;text-decoration:none}ol a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}
          h2{break-after:avoid}h3{break-after:avoid}}
        """;
}

using System.CommandLine;
using System.Data.Common;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief store copy --to-connection-string CS</c>: copies the SQLite store of the data folder into an
/// empty PostgreSQL database (see <see cref="StoreCopy"/>), prints the rows per table on both sides, and exits
/// 1 when any count differs (nothing is kept then), 2 when the target is not empty or the arguments are wrong.
/// </summary>
public static class StoreCommand
{
    public static Command Create(CommandContext context)
    {
        var target = new Option<string>("--to-connection-string")
        {
            Description = "The empty PostgreSQL database to copy into, e.g. \"Host=db;Database=newsbrief;Username=newsbrief;Password=…\"",
            Required = true,
        };
        var copy = new Command("copy", "Copy the SQLite store (the data folder's newsbrief.db) into an empty PostgreSQL database and verify the counts") { target };
        copy.SetAction((result, ct) => CopyAsync(context, CommandContext.DataDirectory(result.GetValue(CliApp.DataOption)), result.GetValue(target)!, ct));
        return new Command("store", "Manage the store (the database the service keeps its articles, stories and deliveries in)") { copy };
    }

    private static async Task<int> CopyAsync(CommandContext context, string dataDirectory, string connectionString, CancellationToken cancellationToken)
    {
        var file = Path.Combine(dataDirectory, NewsBriefDatabase.FileName);
        if (!File.Exists(file))
        {
            await context.Error.WriteLineAsync($"error: there is no SQLite store at {Path.GetFullPath(file)} (give the data folder with --data)");
            return ExitCodes.BadUsage;
        }
        try { PostgresConnectionString.Parse(connectionString); }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync($"error: --to-connection-string: {e.Message}");
            return ExitCodes.BadUsage;
        }
        try
        {
            using var source = NewsBriefDatabase.Open(dataDirectory);
            using var destination = NewsBriefDatabase.OpenPostgres(connectionString);
            await context.Out.WriteLineAsync($"copying {source.Description} to {destination.Description}");
            var counts = await Task.Run(() => StoreCopy.Copy(source, destination, cancellationToken), cancellationToken);
            await context.Out.WriteAsync(TextTable.Render(["table", "sqlite", "postgres", ""],
                [.. counts.Select(c => new[] { c.Table, c.Source.ToString("N0"), c.Target.ToString("N0"), c.Matches ? "ok" : "MISMATCH" })]));
            var bad = counts.Where(c => !c.Matches).ToList();
            if (bad.Count > 0)
            {
                await context.Error.WriteLineAsync($"error: the counts differ for {string.Join(", ", bad.Select(c => c.Table))}; the copy was rolled back, the target is left empty");
                return ExitCodes.Failed;
            }
            await context.Out.WriteLineAsync($"copied {counts.Sum(c => c.Source):N0} rows in {counts.Count} tables; every count matches");
            return ExitCodes.Done;
        }
        catch (StoreCopyException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadUsage;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            await context.Error.WriteLineAsync($"failed: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}

namespace NewsBrief.Core.Storage;

/// <summary>Thrown when another process holds the data folder's instance lock.</summary>
public sealed class DataFolderLockedException(string message) : Exception(message);

/// <summary>
/// The one-service-per-SQLite-folder rule: an exclusive lock on <c>newsbrief.lock</c> in the data folder, held
/// for the life of the process. The OS drops it when the process ends in any way (kill -9 included), so a
/// stale file never blocks the next start. One-shot commands do not take it (their writes go through the same
/// claims and unique keys as the service's); only <c>run</c> does.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "newsbrief.lock";

    /// <summary>Who holds the lock, written beside it: the lock file itself cannot be read while it is held.</summary>
    public const string HolderFileName = "newsbrief.lock.holder";

    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream, string path)
    {
        _stream = stream;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>Takes the lock or throws <see cref="DataFolderLockedException"/> naming the folder and, when known, the holder.</summary>
    public static DataFolderLock Acquire(string dataDirectory, string holder)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows; both die with the process.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var known = ReadHolder(dataDirectory) is { } who ? $" ({who})" : "";
            throw new DataFolderLockedException(
                $"another newsbrief instance{known} holds the data folder '{Path.GetFullPath(dataDirectory)}' ({FileName}); "
                + "stop it first, give this one another --data folder, or use Storage:Provider=postgres to run several workers on one store");
        }
        try
        {
            File.WriteAllText(Path.Combine(dataDirectory, HolderFileName), holder);
        }
        catch (IOException)
        {
            // Only the message of a refused second instance uses it; the lock itself is what counts.
        }
        return new DataFolderLock(stream, path);
    }

    private static string? ReadHolder(string dataDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(dataDirectory, HolderFileName)).Trim();
            return text.Length is > 0 and <= 200 ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}

using System.Security.Cryptography;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Names one running process among the workers sharing a store: host, process id and a random part (a
/// restarted worker, or a container reusing pid 1, never inherits its predecessor's leases).
/// </summary>
public sealed record WorkerIdentity(string Id)
{
    public static WorkerIdentity Create() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public override string ToString() => Id;
}

/// <summary>
/// The runtime's entry point for DOTNET_STARTUP_HOOKS: a class named StartupHook outside any namespace, run
/// before Main. Arms <see cref="NewsBrief.CrashHook.CrashAfterSends"/> when its variable is set.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(NewsBrief.CrashHook.CrashAfterSends.Variable), out var limit) && limit >= 0)
            NewsBrief.CrashHook.CrashAfterSends.Arm(limit);
    }
}

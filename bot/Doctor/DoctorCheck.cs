namespace NewsBrief.Bot.Doctor;

/// <summary>One line of <c>newsbrief doctor</c>: what was checked, whether it passed, and what to fix (naming the setting).</summary>
public sealed record DoctorCheck(string Name, bool Ok, string Detail)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, true, detail);
    public static DoctorCheck Fail(string name, string detail) => new(name, false, detail);

    public override string ToString() => $"{(Ok ? "ok  " : "FAIL")} {Name}: {Detail}";
}

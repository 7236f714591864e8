namespace NewsBrief.Core.Storage;

/// <summary>A store copy that cannot start (the target is not empty, a table is missing there); nothing was written.</summary>
public sealed class StoreCopyException(string message) : Exception(message);

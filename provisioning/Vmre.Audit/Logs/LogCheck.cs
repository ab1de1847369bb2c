namespace Vmre.Audit.Logs;

/// <summary>One check of a device's log, as the auditor reports it: passed or not, and what was found in words.</summary>
public sealed record LogCheck(bool Ok, string Finding);

namespace Vmre.Common.Protocol;

/// <summary>
/// The server's answer to a count report (issue 10 point 3): held (the newest of its run),
/// or kept only for its maxima (an older sequence), with the reason. A refused report is an
/// HTTP error with its reason instead.
/// </summary>
public sealed record CountReportAnswer(bool Held, string? Reason);

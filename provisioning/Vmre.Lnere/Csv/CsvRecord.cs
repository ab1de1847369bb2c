namespace Vmre.Lnere.Csv;

/// <summary>One CSV record and the physical line it starts on; Error is set when its quoting is broken.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error);

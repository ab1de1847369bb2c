namespace Vmre.FuzzTargets;

/// <summary>
/// A promise of a format broke without an exception from the code under test: a valid input
/// was refused, or a decoded value does not re-encode to the text it came from.
/// </summary>
public sealed class PropertyViolation(string message) : Exception(message);

namespace Vmre.Terminal.Session;

/// <summary>The terminal's polls: it takes activations only between its zero report and its close.</summary>
public enum TerminalPolls { NotOpen = 0, Open = 1, Closed = 2 }

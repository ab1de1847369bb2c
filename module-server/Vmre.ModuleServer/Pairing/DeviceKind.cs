namespace Vmre.ModuleServer.Pairing;

/// <summary>
/// What a paired device on the LAN face is (issue 8 point 1): a terminal redeems activations; a
/// desk console runs the check-in desk; an observers' console only reads (rules.md R8).
/// </summary>
public enum DeviceKind { Terminal, DeskConsole, ObserverConsole }

namespace Vmre.Simulator;

/// <summary>The simulated election did not go as the module must behave; the message says which step.</summary>
public sealed class SimulationFailure(string message) : Exception(message);

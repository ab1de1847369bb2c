namespace Vmre.HardwareSim.Printer.Interpreter;

/// <summary>Why the paper stopped moving in the middle of a job.</summary>
public enum PaperStop
{
    /// <summary>Paper jammed at the autocutter.</summary>
    Jam,
    /// <summary>The roll sensor reports paper end.</summary>
    PaperOut,
}

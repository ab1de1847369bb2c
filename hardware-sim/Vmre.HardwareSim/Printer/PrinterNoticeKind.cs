namespace Vmre.HardwareSim.Printer;

public enum PrinterNoticeKind
{
    /// <summary>A command outside the emulated subset, or a malformed one; it was skipped.</summary>
    UnknownCommand,
    /// <summary>Print data received while the printer could not print; a real printer drops it too.</summary>
    DataDiscarded,
    /// <summary>The simulated paper jam armed by JamAfterBytes happened.</summary>
    Jammed,
    /// <summary>A bug in the emulator or a throwing sink; the emulator keeps running.</summary>
    InternalError,
    /// <summary>The roll ended in the middle of a job: what printed was torn off, the rest discarded.</summary>
    PaperOut,
    /// <summary>A GS ( H process ID request left unanswered because the job did not fully print.</summary>
    ProcessIdDropped,
}

namespace Vmre.Simulator.Voters;

/// <summary>What happens while a simulated voter is at the terminal (the faults of issue 3 on election day).</summary>
public enum VoterAct
{
    /// <summary>Confirms and accepts on the screen.</summary>
    Screen,
    /// <summary>Confirms and accepts with the physical confirm button (GPIO pin 5).</summary>
    Button,
    /// <summary>The printer jams in the middle of their testigo; an official clears it; they confirm again.</summary>
    PrinterJams,
    /// <summary>Marks by mistake, rejects the testigo that shows it, marks what they meant and accepts.</summary>
    RejectsOnce,
    /// <summary>The power is cut after their testigo printed, before they accepted: their vote is not recorded.</summary>
    PowerCut,
}

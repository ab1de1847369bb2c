using Vmre.Common.Measurement;
using Vmre.Common.Protocol;
using Vmre.HardwareSim.Tpm;
using Vmre.Simulator.Lan;
using Vmre.Simulator.Processes;

namespace Vmre.Simulator.Election;

/// <summary>The terminals' part of the rig: provisioned, measured and sealed, started through the launcher.</summary>
public sealed partial class ModuleRig
{
    private void ProvisionTerminals(Action<string> say)
    {
        say($"provisioning {Options.Terminals} terminals: one swtpm each in the terminal's namespace, device key created in the TPM");
        for (var i = 1; i <= Options.Terminals; i++)
        {
            var id = $"T-{Options.ModuleId[4..]}-{i:D2}";
            // Issue 10 point 5: the data folder and the TPM state stay in state/ (T-… and tpm-T-…) for ./vmre verify-store.
            var dir = Path.Combine(State, id);
            var part = RigLan.TerminalPart(i);
            var tpm = Own(SwtpmInstance.Start(Path.Combine(State, "tpm-" + id), Lan.Namespace(part)));
            PartProcess.RunToEndIn(Lan.Namespace(part), $"provision {id}", Layout.Terminal, "provision", "--data", dir, "--tcti", tpm.Tcti, "--terminal-id", id);
            Terminals.Add(new SimTerminal(id, dir, tpm, part, Lan.Address(part).ToString()));
        }
    }

    /// <summary>
    /// Issue 10 point 1: the technician measures what each terminal will run (its program folder, its
    /// configuration, the module config and package just installed), the authority signs that manifest,
    /// and the terminal seals its master secret to the PCR 13 value the manifest names.
    /// </summary>
    private void MeasureTerminals(string authorityKey, Action<string> say)
    {
        say("measuring each terminal (program, configuration, module config, package) into an authority-signed manifest; the terminal seals its secrets to it");
        foreach (var t in Terminals)
        {
            Provision("terminal", "measure", "--program", Layout.TerminalProgram, "--data", t.Dir, "--authority", authorityKey,
                "--out", Path.Combine(t.Dir, MeasurementManifest.FileName));
            PartProcess.RunToEndIn(Lan.Namespace(t.Part), $"seal {t.Id}", Layout.Terminal, "seal", "--data", t.Dir, "--tcti", t.Tpm.Tcti);
        }
    }

    /// <summary>
    /// The power comes back after a cut (<see cref="PartProcess.PowerCut"/>): the terminal restarts on
    /// the same data folder, TPM, pseudo-terminals and GPIO daemon; the board's pins kept their
    /// levels (the daemon released the dead process's pins, the new one opens them again). The cut
    /// took the TPM's power too (<see cref="StartTerminal"/>).
    /// </summary>
    public async Task PowerComesBack(SimTerminal t) => await StartTerminal(t);

    /// <summary>
    /// The terminal's power comes on: its swtpm is power-cycled (PCR 13 back to zero, issue 10 point 1;
    /// state and port kept, <see cref="SwtpmInstance.PowerCycle"/>), and the launcher measures the terminal
    /// and execs it on its data folder, TPM, printer, scanner and card reader pseudo-terminals and GPIO
    /// socket (same pid, so a power cut's SIGKILL reaches the terminal). Waits for it to serve.
    /// </summary>
    private async Task StartTerminal(SimTerminal t)
    {
        t.Tpm.PowerCycle();
        t.Process = Own(MeasuredLaunch.Start(t.Id, Layout, t.Dir, t.Tpm.Tcti, ["run", "--data", t.Dir, "--tcti", t.Tpm.Tcti, "--kiosk", t.Url, "--lan", t.LanUrl,
            "--server", _serverUrl, "--printer", t.Printer!.SlavePath, "--scanner", t.Scanner!.SlavePath,
            "--card-reader", t.CardReader!.SlavePath, "--gpio", "remote:" + t.GpioSocket], Lan.Namespace(t.Part)));
        await t.Process.WaitForHttp(t.Url + TerminalRoutes.State, TimeSpan.FromSeconds(60), Lan.Handler(t.Part));
    }
}

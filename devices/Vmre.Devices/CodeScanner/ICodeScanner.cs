namespace Vmre.Devices.CodeScanner;

/// <summary>
/// The terminal's code scanner (activation codes). Whatever it reads is hostile until parsed
/// (the activation decoder does that); this layer only frames the bytes into one text per scan.
/// </summary>
public interface ICodeScanner : IDisposable
{
    event Action<string> Scanned;
    void Start();
}

namespace Vmre.Devices.Tpm;

/// <summary>A TPM call failed: the terminal cannot sign or seal, so it must not take votes.</summary>
public sealed class TpmError(string operation, uint code)
    : Exception($"TPM {operation} failed with TSS2_RC 0x{code:x}")
{
    public string Operation { get; } = operation;
    public uint Code { get; } = code;
}

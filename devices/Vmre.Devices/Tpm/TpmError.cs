namespace Vmre.Devices.Tpm;

/// <summary>A TPM call failed: the terminal cannot sign or seal, so it must not take votes.</summary>
public sealed class TpmError(string operation, uint code)
    : Exception($"TPM {operation} failed with TSS2_RC 0x{code:x}")
{
    public string Operation { get; } = operation;
    public uint Code { get; } = code;

    /// <summary>
    /// Unsealing data sealed to a PCR value (issue 10 point 1) while the PCR holds another one.
    /// Seen on swtpm through FAPI 3.2: 0x1c4, TPM_RC_VALUE on parameter 1 of TPM2_PolicyPCR (FAPI
    /// passes the policy's PCR digest, which the TPM compares with the PCRs now). TPM_RC_POLICY_FAIL
    /// and TPM_RC_PCR_CHANGED are the other answers a chip may give for the same state.
    /// </summary>
    public bool IsPolicyFailure => Operation == "Unseal" && TpmCode is Value or PolicyFail or PcrChanged;

    /// <summary>The keystore was never provisioned (FAPI's TSS2_FAPI_RC_NOT_PROVISIONED, 0x60034).</summary>
    public bool IsNotProvisioned => Code == 0x60034;

    /// <summary>A key or NV index used without its auth value, or with a wrong one.</summary>
    public bool IsAuthFailure => TpmCode is AuthFail or BadAuth;

    private const uint Value = 0x084, PolicyFail = 0x09d, AuthFail = 0x08e, BadAuth = 0x0a2, PcrChanged = 0x128;

    /// <summary>
    /// The TPM's own response code without the TSS layer (bits 16+) and, for format-1 codes, without
    /// the parameter/handle/session number (bits 6 and 8-11), so 0x1c4 and 0x9a2 compare as 0x084 and 0x0a2.
    /// </summary>
    private uint TpmCode
    {
        get
        {
            if ((Code & 0xFFFF0000) != 0) return 0; // a FAPI or ESYS layer error, not the TPM's answer
            var rc = Code & 0xFFFF;
            return (rc & 0x080) != 0 ? (rc & 0x0BF) : rc;
        }
    }
}

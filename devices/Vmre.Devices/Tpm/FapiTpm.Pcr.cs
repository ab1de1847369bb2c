using System.Security.Cryptography;

namespace Vmre.Devices.Tpm;

/// <summary>
/// The measured-start PCR and data sealed to it (issue 10 point 1). Fapi_PcrExtend is
/// TPM2_PCR_Event: the TPM extends the SHA-256 of the bytes it is given, so the PCR becomes
/// SHA256(pcr || SHA256(data)) (docs/formats/measurements.md).
/// </summary>
public sealed partial class FapiTpm
{
    public void PcrExtend(int pcr, byte[] sha256Digest)
    {
        if (sha256Digest.Length != 32) throw new ArgumentException("SHA-256 digest expected", nameof(sha256Digest));
        lock (_gate)
        {
            Check("PcrExtend", FapiNative.Fapi_PcrExtend(_context, (uint)pcr, sha256Digest, 32, null));
        }
    }

    public byte[] PcrRead(int pcr)
    {
        lock (_gate)
        {
            Check("PcrRead", FapiNative.Fapi_PcrRead(_context, (uint)pcr, out var value, out var size, out var log));
            FapiNative.Fapi_Free(log);
            return Take(value, size);
        }
    }

    public void SealToPcr(string path, byte[] secret, int pcr, byte[] expectedPcrValue)
    {
        if (expectedPcrValue.Length != 32) throw new ArgumentException("SHA-256 PCR value expected", nameof(expectedPcrValue));
        var hex = Convert.ToHexStringLower(expectedPcrValue);
        // PolicyPCR with an explicit value: sealing does not need the PCR to be in that state now
        // (provisioning seals to the manifest's value before the measured start has run).
        var policy = $$"""
            {"description":"vmre measured start: PCR {{pcr}} = {{hex}}",
             "policy":[{"type":"POLICYPCR","pcrs":[{"pcr":{{pcr}},"hashAlg":"TPM2_ALG_SHA256","digest":"{{hex}}"}]}]}
            """;
        var policyPath = $"/policy/vmre-pcr{pcr}-{Convert.ToHexStringLower(SHA256.HashData(expectedPcrValue))[..16]}";
        lock (_gate)
        {
            var rc = FapiNative.Fapi_Import(_context, policyPath, policy);
            if (rc != FapiNative.PathAlreadyExists) Check("Import", rc);
            Check("CreateSeal", FapiNative.Fapi_CreateSeal(_context, path, "noDa", (nuint)secret.Length, policyPath, "", secret));
        }
    }
}

using System.Buffers.Binary;

namespace Vmre.Devices.Tpm;

/// <summary>
/// An NV counter (issue 10 point 2: the vote store's epoch) and deleting keystore objects.
/// A counter is a TPM NV index of type counter: it only goes up, and each increment is one NV
/// write (never one per ballot: STACK.md).
/// </summary>
public sealed partial class FapiTpm
{
    public void CreateCounter(string nvPath, string authValue)
    {
        lock (_gate)
        {
            Check("CreateNv", FapiNative.Fapi_CreateNv(_context, nvPath, "counter,noDa", 0, "", authValue));
            Remember(nvPath, authValue);
            // A counter cannot be read before its first increment (TPM_RC_NV_UNINITIALIZED).
            Check("NvIncrement", FapiNative.Fapi_NvIncrement(_context, nvPath));
        }
    }

    public ulong IncrementCounter(string nvPath)
    {
        lock (_gate)
        {
            Check("NvIncrement", FapiNative.Fapi_NvIncrement(_context, nvPath));
            return ReadLocked(nvPath);
        }
    }

    public ulong ReadCounter(string nvPath)
    {
        lock (_gate) return ReadLocked(nvPath);
    }

    private ulong ReadLocked(string nvPath)
    {
        Check("NvRead", FapiNative.Fapi_NvRead(_context, nvPath, out var data, out var size, out var log));
        FapiNative.Fapi_Free(log);
        var bytes = Take(data, size);
        if (bytes.Length != 8) throw new TpmError($"NvRead (counter of {bytes.Length} bytes)", 0);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    public void Delete(string path)
    {
        lock (_gate) Check("Delete", FapiNative.Fapi_Delete(_context, path));
    }
}

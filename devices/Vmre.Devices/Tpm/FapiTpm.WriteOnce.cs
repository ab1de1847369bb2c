using System.Runtime.InteropServices;

namespace Vmre.Devices.Tpm;

/// <summary>
/// A write-once NV index (issue 11 point 5: the module server's trust root). Its FAPI policy is
/// an OR of two branches: "write" = PolicyCommandCode(NV_Write) ∧ PolicyNvWritten(NO), so it can
/// be written only while it has never been written; "read" = PolicyCommandCode(NV_Read). With a
/// policy FAPI defines the index POLICYWRITE|POLICYREAD and without AUTHWRITE, so no password or
/// owner authorisation writes it either: changing it means deleting the index, which needs the
/// owner hierarchy's authorisation (production sets an owner auth held by INE). FAPI asks which
/// OR branch to take through a callback; the call that needs one names it in _branch.
/// </summary>
public sealed partial class FapiTpm
{
    private const string WriteOncePolicy = "/policy/vmre-nv-write-once";
    private string? _branch;

    public void CreateWriteOnce(string nvPath, int size)
    {
        const string policy = """
            {"description":"vmre: written once, read at any time (issue 11 point 5)",
             "policy":[{"type":"POLICYOR","branches":[
               {"name":"write","description":"write while never written",
                "policy":[{"type":"POLICYCOMMANDCODE","code":"TPM2_CC_NV_Write"},{"type":"POLICYNVWRITTEN","writtenSet":"NO"}]},
               {"name":"read","description":"read",
                "policy":[{"type":"POLICYCOMMANDCODE","code":"TPM2_CC_NV_Read"}]}]}]}
            """;
        lock (_gate)
        {
            var rc = FapiNative.Fapi_Import(_context, WriteOncePolicy, policy);
            if (rc != FapiNative.PathAlreadyExists) Check("Import", rc);
            Check("CreateNv", FapiNative.Fapi_CreateNv(_context, nvPath, "noDa", (nuint)size, WriteOncePolicy, ""));
        }
    }

    /// <summary>Writes the index; a TpmError if it was written before (the policy no longer allows it).</summary>
    public void WriteOnce(string nvPath, byte[] data)
    {
        lock (_gate)
        {
            _branch = "write";
            try { Check("NvWrite", FapiNative.Fapi_NvWrite(_context, nvPath, data, (nuint)data.Length)); }
            finally { _branch = null; }
        }
    }

    /// <summary>The index's bytes, or null when the keystore has no such index (never created).</summary>
    public byte[]? ReadWriteOnce(string nvPath)
    {
        lock (_gate)
        {
            _branch = "read";
            try
            {
                var rc = FapiNative.Fapi_NvRead(_context, nvPath, out var data, out var size, out var log);
                if (rc == FapiNative.PathNotFound) return null;
                Check("NvRead", rc);
                FapiNative.Fapi_Free(log);
                return Take(data, size);
            }
            finally { _branch = null; }
        }
    }

    private unsafe void AttachBranchCallback()
    {
        delegate* unmanaged<IntPtr, IntPtr, IntPtr*, nuint, nuint*, IntPtr, uint> callback = &OnBranch;
        var rc = FapiNative.Fapi_SetBranchCB(_context, (IntPtr)callback, GCHandle.ToIntPtr(_self));
        if (rc != 0) throw new TpmError("SetBranchCB", rc);
    }

    /// <summary>Runs inside a FAPI call, on the thread that holds _gate and set _branch.</summary>
    [UnmanagedCallersOnly]
    private static unsafe uint OnBranch(IntPtr objectPath, IntPtr description, IntPtr* branchNames, nuint count, nuint* selected, IntPtr userData)
    {
        var tpm = (FapiTpm)GCHandle.FromIntPtr(userData).Target!;
        for (nuint i = 0; i < count; i++)
            if (Marshal.PtrToStringUTF8(branchNames[i]) == tpm._branch)
            {
                *selected = i;
                return 0;
            }
        return FapiNative.AuthorizationUnknown;
    }
}

using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Voters;

/// <summary>A desk's request id: 32 lowercase hex (16 random bytes), made once per confirmation (issue 11 point 3).</summary>
public static class RequestId
{
    public const int Length = 32;

    public static Parsed<string> Parse(string? text)
    {
        if (text is null || text.Length != Length || !text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            return Parsed<string>.Fail($"requestId must be {Length} lowercase hex characters, made by the desk once per confirmation");
        return Parsed<string>.Ok(text);
    }
}

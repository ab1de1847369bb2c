using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.Terminal.Http;

/// <summary>How both faces answer a step: the value as JSON, or 409 with a readable reason.</summary>
internal static class Answers
{
    public static IResult Of<T>(Parsed<T> result) =>
        result.IsOk ? Results.Json(result.Value, VmreJson.Options)
                    : Results.Json(new ErrorBody(result.Error!), VmreJson.Options, statusCode: 409);
}

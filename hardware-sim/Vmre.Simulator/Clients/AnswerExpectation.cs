using Vmre.Common.Serialization;

namespace Vmre.Simulator.Clients;

/// <summary>A step of the simulated day that must succeed: its answer, or the run fails naming the step.</summary>
public static class AnswerExpectation
{
    public static T Expect<T>(this Parsed<T> answer, string step) =>
        answer.IsOk ? answer.Value! : throw new SimulationFailure($"{step}: refused ({answer.Kind}) {answer.Error}");
}

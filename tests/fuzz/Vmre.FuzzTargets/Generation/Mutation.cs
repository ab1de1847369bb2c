namespace Vmre.FuzzTargets.Generation;

/// <summary>
/// The mutations applied to valid inputs, on any sequence (chars of a text, bytes of a
/// ticket): bit flips, truncation, insertion, duplication of a slice, splicing with another
/// valid input, and swapping an element for another of a nearby class (digit for letter,
/// separator for separator). One to four are stacked per case.
/// </summary>
public sealed class Mutation<T>(Func<Random, T, T> flipBit, Func<Random, T, T> swapClass, Func<Random, T> anyElement)
{
    public T[] Apply(Random random, T[] valid, Func<T[]> anotherValid)
    {
        var items = new List<T>(valid);
        // Mostly one mutation, so most cases stay close enough to valid to reach the deep checks.
        int count = random.Next(3) == 0 ? 2 + random.Next(3) : 1;
        for (int i = 0; i < count; i++) Once(random, items, anotherValid);
        return items.ToArray();
    }

    private void Once(Random random, List<T> items, Func<T[]> anotherValid)
    {
        int at = items.Count == 0 ? 0 : random.Next(items.Count);
        switch (random.Next(7))
        {
            case 0 when items.Count > 0: items[at] = flipBit(random, items[at]); break;
            case 1 when items.Count > 0: Truncate(random, items); break;
            case 2: items.Insert(at, random.Next(3) == 0 || items.Count == 0 ? anyElement(random) : swapClass(random, items[at])); break;
            case 3 when items.Count > 0: Duplicate(random, items); break;
            case 4: Splice(random, items, anotherValid()); break;
            case 5 when items.Count > 0: items[at] = swapClass(random, items[at]); break;
            case 6 when items.Count > 0: items.RemoveAt(at); break;
            default: items.Insert(at, anyElement(random)); break;
        }
    }

    private static void Truncate(Random random, List<T> items)
    {
        int keep = random.Next(items.Count);
        if (random.Next(2) == 0) items.RemoveRange(keep, items.Count - keep); // cut the end
        else items.RemoveRange(0, keep);                                       // cut the start
    }

    private static void Duplicate(Random random, List<T> items)
    {
        int start = random.Next(items.Count);
        int length = 1 + random.Next(Math.Min(32, items.Count - start));
        var slice = items.GetRange(start, length);
        items.InsertRange(random.Next(items.Count + 1), slice);
    }

    // The head of one valid input followed by the tail of another.
    private static void Splice(Random random, List<T> items, T[] other)
    {
        int keep = items.Count == 0 ? 0 : random.Next(items.Count + 1);
        items.RemoveRange(keep, items.Count - keep);
        int from = other.Length == 0 ? 0 : random.Next(other.Length);
        items.AddRange(other.AsSpan(from).ToArray());
    }
}

namespace Liftoff.Engine.Utilities.Collections;

/// <summary>The collection helpers NUKE builds call (<c>using Nuke.Common.Utilities.Collections;</c>).</summary>
public static class EnumerableExtensions
{
    /// <summary>Runs the action on each item now, in order.</summary>
    public static void ForEach<T>(this IEnumerable<T> items, Action<T> action)
    {
        foreach (var item in items) action(item);
    }

    /// <summary>Runs the action on each item as it is enumerated.</summary>
    public static IEnumerable<T> ForEachLazy<T>(this IEnumerable<T> items, Action<T> action)
    {
        foreach (var item in items)
        {
            action(item);
            yield return item;
        }
    }

    public static IEnumerable<T> WhereNotNull<T>(this IEnumerable<T?> items) where T : class => items.Where(i => i is not null)!;

    public static bool IsEmpty<T>(this IEnumerable<T> items) => !items.Any();
    public static bool IsNotEmpty<T>(this IEnumerable<T> items) => items.Any();

    /// <summary>Adds a key and value and returns the dictionary, for <c>ReportSummary(_ =&gt; _.AddPair("Packages", "2"))</c>.</summary>
    public static IDictionary<TKey, TValue> AddPair<TKey, TValue>(this IDictionary<TKey, TValue> dictionary, TKey key, TValue value)
    {
        dictionary.Add(key, value);
        return dictionary;
    }

    public static IDictionary<TKey, TValue> AddPairWhenValueNotNull<TKey, TValue>(this IDictionary<TKey, TValue> dictionary, TKey key, TValue? value)
        where TValue : class
    {
        if (value is not null) dictionary.Add(key, value);
        return dictionary;
    }

}

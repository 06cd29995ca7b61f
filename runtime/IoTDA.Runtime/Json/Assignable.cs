using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;

namespace IoTDA.Runtime;

/// <summary>
/// The backing value of a generated model's optional member that the spec lets be null: the value and whether it
/// was ever assigned, so the JSON writer can tell a null the caller set (sent as JSON null) from a member never set
/// (left out).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Assignable<T>
{
    public Assignable(T value)
    {
        Value = value;
        IsAssigned = true;
    }

    public T Value { get; }

    public bool IsAssigned { get; }
}

/// <summary>
/// The empty collections an optional array or map member of a generated model starts as. A member still holding
/// one was never assigned and is left out of the JSON; any other collection, even an empty one, is the caller's
/// and is sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Unassigned<T>
{
    /// <summary>An empty array of its own, never <c>Array.Empty</c>, which a caller's <c>[]</c> may be.</summary>
#pragma warning disable CA1825 // The point is an instance no caller can hold.
    public static readonly IReadOnlyList<T> List = new T[0];
#pragma warning restore CA1825

    public static readonly IReadOnlyDictionary<string, T> Map = new ReadOnlyDictionary<string, T>(new Dictionary<string, T>());

    public static bool IsAssigned(IReadOnlyList<T>? list) => list is not null && !ReferenceEquals(list, List);

    public static bool IsAssigned(IReadOnlyDictionary<string, T>? map) => map is not null && !ReferenceEquals(map, Map);
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace IoTDA.Generator.Parsing;

/// <summary>Compares by reference: two equal-looking nodes in different places of a spec are both walked.</summary>
internal sealed class IdentityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly IdentityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}

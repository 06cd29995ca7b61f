using System;
using System.Buffers;

namespace IoTDA.Runtime;

/// <summary>
/// Collects the items of a JSON array in a pooled array, then hands out one array of exactly their count: a list
/// grown by doubling would leave every smaller backing array behind as garbage, and the count is not known before
/// the array has been read.
/// </summary>
internal struct ItemBuffer<T>
{
    private const int FirstRent = 16;

    private T[]? _rented;
    private int _count;

    public void Add(T item)
    {
        if (_rented is null)
        {
            _rented = ArrayPool<T>.Shared.Rent(FirstRent);
        }
        else if (_count == _rented.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(2 * _rented.Length);
            _rented.AsSpan(0, _count).CopyTo(larger);
            Return(_rented, _count);
            _rented = larger;
        }

        _rented[_count++] = item;
    }

    public readonly T[] ToArray() => _count == 0 ? Array.Empty<T>() : _rented.AsSpan(0, _count).ToArray();

    /// <summary>Gives the pooled array back, cleared, so the pool does not keep the items alive.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            Return(_rented, _count);
            _rented = null;
            _count = 0;
        }
    }

    private static void Return(T[] array, int count)
    {
        array.AsSpan(0, count).Clear();
        ArrayPool<T>.Shared.Return(array);
    }
}

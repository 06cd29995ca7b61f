namespace IoTDA.Runtime;

/// <summary>
/// The members of one JSON object a generated reader has found, by their position in the type's
/// <see cref="JsonMemberNames"/>: a value on the reader's stack, so reading a type with required members allocates
/// nothing more unless it has over 64 members.
/// </summary>
public struct JsonMembersSeen
{
    private const int BitsPerWord = 64;

    private ulong _first;
    private ulong[]? _rest;

    internal void Add(int index)
    {
        if (index < BitsPerWord)
        {
            _first |= 1UL << index;
            return;
        }

        var word = (index / BitsPerWord) - 1;
        if (_rest is null || _rest.Length <= word)
        {
            var grown = new ulong[word + 1];
            _rest?.CopyTo(grown, 0);
            _rest = grown;
        }

        _rest[word] |= 1UL << (index % BitsPerWord);
    }

    internal readonly bool Contains(int index)
    {
        if (index < BitsPerWord)
        {
            return (_first & (1UL << index)) != 0;
        }

        var word = (index / BitsPerWord) - 1;
        return _rest is not null && word < _rest.Length && (_rest[word] & (1UL << (index % BitsPerWord))) != 0;
    }
}

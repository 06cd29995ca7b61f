namespace IoTDA.Generator.Model;

/// <summary>A generated extensible enum: a string schema with <c>enum</c> values.</summary>
internal sealed record EnumModel(string Name, string Description, EquatableArray<EnumMemberModel> Members)
{
    /// <summary>Some response holds this enum: it needs a JSON reader (writing one is a one-liner at the use).</summary>
    public bool IsReceived { get; init; }
}

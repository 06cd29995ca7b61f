namespace IoTDA.Generator.Model;

/// <summary>A generated sealed class: one schema with properties.</summary>
internal sealed record ClassModel(string Name, string Description, EquatableArray<PropertyModel> Properties)
{
    /// <summary>Some request body holds this type: it needs a JSON writer and validation.</summary>
    public bool IsSent { get; init; }

    /// <summary>Some response holds this type: it needs a JSON reader.</summary>
    public bool IsReceived { get; init; }
}

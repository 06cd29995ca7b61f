namespace IoTDA.Generator.Model;

/// <summary>A generated sealed class: one schema with properties.</summary>
internal sealed record ClassModel(string Name, string Description, EquatableArray<PropertyModel> Properties);

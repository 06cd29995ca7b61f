namespace IoTDA.Generator.Model;

/// <summary>A generated extensible enum: a string schema with <c>enum</c> values.</summary>
internal sealed record EnumModel(string Name, string Description, EquatableArray<EnumMemberModel> Members);

namespace IoTDA.Generator.Model;

/// <summary>One value of an extensible enum: as sent on the wire, and its static property's final name.</summary>
internal sealed record EnumMemberModel(string Value, string Name);

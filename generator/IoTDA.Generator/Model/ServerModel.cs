namespace IoTDA.Generator.Model;

/// <summary>The spec's server URL as the client's default endpoint; a relative one only names the path.</summary>
internal sealed record ServerModel(string Url, bool IsRelative);

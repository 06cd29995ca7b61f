namespace IoTDA.Runtime;

/// <summary>Where an API key goes.</summary>
public enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}

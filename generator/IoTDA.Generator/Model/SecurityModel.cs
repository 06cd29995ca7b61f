namespace IoTDA.Generator.Model;

/// <summary>
/// The authentication a client applies, from the spec's security schemes: a Huawei Cloud spec's AK/SK, or at most
/// one API key (its name and place: header, query or cookie), bearer tokens and basic authentication.
/// </summary>
internal sealed record SecurityModel(bool IsHuaweiCloud, string? ApiKeyName, string ApiKeyLocation, bool Bearer, bool Basic)
{
    public static readonly SecurityModel HuaweiCloud = new(true, null, "Header", false, false);
}

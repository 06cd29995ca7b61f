namespace IoTDA.Runtime;

/// <summary>Which AK/SK algorithm signs requests.</summary>
public enum AkSkSigning
{
    /// <summary>
    /// Derived signing when the host is not a public <c>iotda.{region}.myhuaweicloud.com</c> endpoint and a region
    /// is known (from the options, or read from an instance host); plain signing otherwise.
    /// </summary>
    Auto,

    /// <summary>Plain <c>SDK-HMAC-SHA256</c>.</summary>
    Basic,

    /// <summary>Derived <c>V11-HMAC-SHA256</c>, which standard and enterprise instances require.</summary>
    Derived,
}

namespace IoTDA.Runtime.Tests.Signing;

/// <summary>
/// Huawei's published AK/SK test vectors (facts §4), in one place for every signer the repository holds to them:
/// the runtime's (<see cref="PublishedVectorTests"/>) and the benchmark floor's (<see cref="FloorSignerTests"/>).
/// </summary>
internal static class PublishedVectors
{
    public const string VpcPath = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
    public const string VpcQuery = "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";
    public const string VpcPostPath = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123";
    public const string VpcPostBody = "{\"key\":\"value\"}";
    public const string VectorAHost = "service.region.example.com";
    public const string VectorADate = "20191115T033655Z";

    public const string VectorBAccessKey = "QTWAOYTTINDUT2QVKYUC";
    public const string VectorBSecretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

    public const string VectorCDate = "20060102T150405Z";
    public const string VectorCPostBody = "{\"Name\":\"test\",\"Id\":1}\n";

    public const string AGetSignature = "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d";
    public const string APostSignature = "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771";
    public const string BGetSignature = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
    public const string CGetSignature = "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624";
    public const string CPostSignature = "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59";
    public const string DGetSignature = "8fd3610508884bb19718317797c7378716a94bc740d97502e569322e366341cc";
    public const string DPostSignature = "4112f88b92d82dd1e1b7dd142f1e99e4f1762c42ca8fe0968b3045120870a903";
    public const string DDerivedKey = "fded840bf50eb1da840c631cec6649d58c4df22167c366bce4534ec85997f429";
}

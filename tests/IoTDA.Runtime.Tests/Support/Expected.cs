using System.Linq;

namespace IoTDA.Runtime.Tests.Support;

/// <summary>
/// Recomputes a captured request's signature with the explicit-input signer, from the wire alone (a request that says
/// its payload is unsigned is signed so).
/// </summary>
public static class Expected
{
    public static string SignatureOf(SentRequest sent, string accessKey, string secretKey, string? derivedRegion = null)
    {
        var authorization = sent.Header("Authorization")!;
        var signedList = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var input = new AkSkSigningInput(sent.Method, sent.Uri.GetComponents(System.UriComponents.PathAndQuery, System.UriFormat.UriEscaped))
        {
            SignedHeaders = signedList,
            Body = sent.Body,
            UnsignedPayload = sent.Header(AkSkSigner.ContentSha256Header) == AkSkSigner.UnsignedPayloadValue,
        };
        foreach (var header in sent.Headers.Where(h => h.Key != "Authorization"))
        {
            input.Headers.Add(header);
        }

        return derivedRegion is null
            ? AkSkSigner.SignBasic(input, accessKey, secretKey)
            : AkSkSigner.SignDerived(input, accessKey, secretKey, derivedRegion);
    }
}

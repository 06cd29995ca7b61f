using System.Text;

namespace IoTDA.Runtime;

/// <summary>
/// A member name's UTF-8 form, or none for a name that is not well-formed UTF-16 (a lone surrogate): such a name
/// can never be matched or written. One rule for the generator, which emits no reader case for such a name and
/// writes it by its string, and for <see cref="JsonMemberNames"/>, which never matches it.
/// </summary>
internal static class JsonNameBytes
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[]? TryEncode(string name)
    {
        try
        {
            return StrictUtf8.GetBytes(name);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }
}

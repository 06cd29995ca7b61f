using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTDA.Runtime;

/// <summary>A user name and password, sent as HTTP basic authentication (<c>Authorization: Basic ...</c>).</summary>
public sealed class BasicCredentials : IoTDACredentials
{
    public BasicCredentials(string userName, string password)
    {
        UserName = AkSkCredentials.RequireText(userName, nameof(userName), "user name");
        if (UserName.IndexOf(':') >= 0)
        {
            // RFC 7617: the first colon ends the user name, so the service would read a different one.
            throw new ArgumentException($"The user name '{PathValueRules.Printable(UserName)}' contains ':', which basic authentication cannot carry.", nameof(userName));
        }

        if (password is null)
        {
            throw new ArgumentNullException(nameof(password), "The password is required (it may be empty).");
        }

        // Base64 carries any UTF-8 (RFC 7617); only control characters are kept out of both.
        ThrowIfControl(UserName, "The user name", nameof(userName));
        ThrowIfControl(password, "The password", nameof(password));
        AuthorizationValue = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + password));
    }

    public string UserName { get; }

    private static void ThrowIfControl(string value, string subject, string paramName)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (char.IsControl(value[index]))
            {
                throw new ArgumentException(
                    $"{subject} holds the control character {HeaderValueRules.CodePointAt(value, index)} at position {index}, which basic authentication cannot carry.",
                    paramName);
            }
        }
    }

    internal string AuthorizationValue { get; }

    public override string ToString() => $"BasicCredentials(UserName={UserName}, Password=***)";

    internal override ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken) => new(this);

    internal override IoTDACredentials TryGetCurrent() => this;
}

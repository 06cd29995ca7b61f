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

        HeaderValueRules.ThrowIfInvalid("The user name", nameof(userName), UserName);
        HeaderValueRules.ThrowIfInvalidSecret("The password", nameof(password), password);
        AuthorizationValue = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + password));
    }

    public string UserName { get; }

    internal string AuthorizationValue { get; }

    public override string ToString() => $"BasicCredentials(UserName={UserName}, Password=***)";

    internal override ValueTask<IoTDACredentials> ResolveAsync(CancellationToken cancellationToken) => new(this);

    internal override IoTDACredentials TryGetCurrent() => this;
}

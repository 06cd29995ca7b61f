using System;
using System.Globalization;

namespace IoTDA.Runtime;

/// <summary>
/// A formatted value as the text a path segment, a query value, a header or a form field carries: one rule each,
/// so every place a value is sent writes it alike.
/// </summary>
public static class IoTDAText
{
    /// <summary>RFC 3339, to the tick, without trailing zeros; <c>Z</c> for UTC.</summary>
    public static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>The form of an RFC 3339 full date: four-digit year, month and day.</summary>
    internal const string DateFormat = "yyyy'-'MM'-'dd";

    /// <summary>The date alone (RFC 3339 full-date, <c>2024-05-01</c>); the time of day is not part of it.</summary>
    public static string FormatDate(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The 36-character hyphenated form, lower case.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>The URI as it was given, not as <see cref="Uri.ToString"/> unescapes it.</summary>
    public static string Format(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

    /// <summary>Base64, as <c>format: byte</c> is.</summary>
    public static string Format(byte[] value) => Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value)));
}

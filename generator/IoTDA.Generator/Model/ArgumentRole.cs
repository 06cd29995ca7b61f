namespace IoTDA.Generator.Model;

/// <summary>Where a generated method's argument goes.</summary>
internal enum ArgumentRole
{
    Path,
    Query,
    Header,

    /// <summary>A cookie, sent in the request's one <c>Cookie</c> header.</summary>
    Cookie,
    /// <summary>The whole request body.</summary>
    Body,

    /// <summary>The whole request body, of a media type that is neither JSON nor a form (see <see cref="ArgumentModel.Raw"/>).</summary>
    RawBody,
    /// <summary>One member of a request body that a batching or paging method builds itself.</summary>
    BodyMember,
    /// <summary>The items a batching method splits (any number of strings).</summary>
    BatchItems,
    /// <summary>The progress callback of a batching method.</summary>
    Progress,
    /// <summary>A multipart/form-data part sent as text: a scalar, or an array of scalars as one part per item.</summary>
    FormText,
    /// <summary>A multipart/form-data part sent as JSON (<c>application/json</c>): an object, a map, an array of those.</summary>
    FormJson,
    /// <summary>A multipart/form-data file part, an <c>IoTDA.Runtime.FilePart</c>; its type is the schema's, a binary string.</summary>
    FormFile,
}

namespace IoTDA.Generator.Model;

/// <summary>Where a generated method's argument goes.</summary>
internal enum ArgumentRole
{
    Path,
    Query,
    Header,
    /// <summary>The whole request body.</summary>
    Body,
    /// <summary>One member of a request body that a batching or paging method builds itself.</summary>
    BodyMember,
    /// <summary>The items a batching method splits (any number of strings).</summary>
    BatchItems,
    /// <summary>The progress callback of a batching method.</summary>
    Progress,
}

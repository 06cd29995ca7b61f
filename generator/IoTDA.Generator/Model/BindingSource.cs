namespace IoTDA.Generator.Model;

/// <summary>Where a value that a batching or paging method passes on comes from.</summary>
internal enum BindingSource
{
    /// <summary>The method's own argument of that name.</summary>
    Argument,
    /// <summary>The method's argument of that name on the first page, null after it (an offset).</summary>
    ArgumentOnFirstPageOnly,
    /// <summary>The batch being sent.</summary>
    Batch,
    /// <summary>The marker of the page being fetched.</summary>
    Marker,
    /// <summary>A request body the method builds from its <see cref="ArgumentRole.BodyMember"/> arguments.</summary>
    NewBody,
    /// <summary>The merged IDs that succeeded.</summary>
    Succeeded,
    /// <summary>The merged failures.</summary>
    Failed,
    /// <summary>The member of the same name in the first answer, or a new result's default when none came.</summary>
    FirstAnswer,
}

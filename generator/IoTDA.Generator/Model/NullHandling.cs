namespace IoTDA.Generator.Model;

/// <summary>What a generated writer does with a member holding null, by what the spec says of null there.</summary>
internal enum NullHandling
{
    /// <summary>The spec does not allow null (or the member is a collection, never null): null is left out.</summary>
    LeftOut,

    /// <summary>Optional and nullable: once assigned, even null, the member is sent (null as JSON null); never assigned, left out.</summary>
    SentWhenAssigned,

    /// <summary>Required and nullable: always sent, null as JSON null.</summary>
    AlwaysSent,
}

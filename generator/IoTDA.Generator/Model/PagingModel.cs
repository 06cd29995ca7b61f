namespace IoTDA.Generator.Model;

/// <summary>
/// <c>{MethodName}Async</c> for an operation that pages with a marker (<c>x-iotda-page-*</c>): every page's items
/// in turn. <see cref="Call"/> is what each page passes to the operation; <see cref="BodyMembers"/> fill the body
/// when the marker travels in it (<see cref="BodyType"/> is then set); <see cref="NextMarkerPath"/> are the
/// property names leading from the response to the next marker.
/// </summary>
internal sealed record PagingModel(
    string MethodName,
    string Summary,
    string Remarks,
    EquatableArray<ArgumentModel> Arguments,
    TypeModel ItemType,
    string ItemsMember,
    EquatableArray<string> NextMarkerPath,
    TypeModel? BodyType,
    EquatableArray<Binding> Call,
    EquatableArray<Binding> BodyMembers);

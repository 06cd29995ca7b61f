namespace IoTDA.Generator.Model;

/// <summary>
/// <c>{MethodName}Async</c> for an operation whose body array is sent in batches of at most <see cref="BatchSize"/>
/// items (<c>x-iotda-batch-*</c>). <see cref="Call"/> is what each batch passes to the operation, in its argument
/// order; <see cref="BodyMembers"/> fill the body built per batch; <see cref="ResultMembers"/> fill the merged result.
/// </summary>
internal sealed record BatchModel(
    string MethodName,
    string Summary,
    string Remarks,
    EquatableArray<ArgumentModel> Arguments,
    string ItemsArgument,
    string ItemsWireName,
    int BatchSize,
    TypeModel BodyType,
    TypeModel ResultType,
    TypeModel FailureType,
    string SuccessMember,
    string FailureMember,
    string FailureIdMember,
    string FailureCodeMember,
    string FailureMessageMember,
    EquatableArray<Binding> Call,
    EquatableArray<Binding> BodyMembers,
    EquatableArray<Binding> ResultMembers);

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Builds the final model from a read document: every name claimed once here (collisions reported), every type
/// reference resolved, every generated method's arguments in order, every doc text written. The emitter only prints.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] ObjectMembers =
        { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    private readonly SpecFile _file;
    private readonly OpenApiDocument _document;
    private readonly bool _isSwagger2;
    private readonly bool _isHuaweiCloud;
    private readonly DiagnosticSink _diagnostics;
    private readonly InlineEnumPlan? _plan;
    private readonly CancellationToken _cancellationToken;
    private readonly NameScope _typeNames;
    private readonly NameScope _methodNames;
    private readonly Dictionary<string, TypeModel> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visitingAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _aliasTypes = new(StringComparer.Ordinal);
    private readonly List<ClassModel> _classes = new();
    private readonly List<EnumModel> _enums = new();
    private readonly List<InlineEnumOccurrence> _inlineEnums = new();
    private bool _usesDates;

    /// <param name="plan">The inline enums' final names; null for a survey, which finds out whether they are needed.</param>
    public ModelBuilder(SpecFile file, ReadSpec read, DiagnosticSink diagnostics, InlineEnumPlan? plan, CancellationToken cancellationToken)
    {
        _file = file;
        _document = read.Document;
        _isSwagger2 = read.IsSwagger2;
        _isHuaweiCloud = Conventions.IsHuaweiCloud(read.Document);
        _diagnostics = diagnostics;
        _plan = plan;
        _cancellationToken = cancellationToken;
        _typeNames = new NameScope(new[] { file.ClientName, "I" + file.ClientName, file.ClientName + "Json" }.Concat(plan?.ReservedNames ?? Enumerable.Empty<string>()).ToArray());
        _methodNames = new NameScope(ObjectMembers.Append(file.ClientName).Append("Options").Append("ServerUrl").ToArray());
    }

    /// <summary>Set by a survey whose inline enums need other names than the survey gave them: build again with it.</summary>
    public InlineEnumPlan? InlineEnumPlan { get; private set; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics.Diagnostics;

    private string FileName => Path.GetFileName(_file.Path);

    /// <summary>The model; null from a survey that produced <see cref="InlineEnumPlan"/>.</summary>
    public SpecModel? Build()
    {
        var schemas = _document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        RegisterComponents(schemas);
        RegisterPolymorphicBases(schemas);
        RegisterIncludedBases(schemas);
        BuildComponents(schemas);
        var operations = BuildOperations();
        var plan = _plan;
        if (plan is null && _inlineEnums.Count > 0)
        {
            // The survey named each inline enum after its member. When the plan keeps every one of those names, no
            // schema took them, so reserving them first would change no claim: this survey is the build.
            plan = InlineEnumNaming.Plan(_inlineEnums, _typeNames, _diagnostics.Fork());
            if (!plan.KeepsNames(_inlineEnums))
            {
                InlineEnumPlan = plan;
                return null;
            }
        }

        if (plan is not null)
        {
            _enums.AddRange(plan.Enums);
            _diagnostics.AddRange(plan.Diagnostics);
        }

        var classesByName = _classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var finished = operations.Select(draft => draft.Operation with
        {
            Batch = BuildBatch(draft, classesByName),
            Paging = BuildPaging(draft, classesByName),
            // Claimed after every operation's own name: an operation the spec names FooWithResponse keeps its name.
            WithResponseName = Claim(_methodNames, draft.Operation.MethodName + "WithResponse", draft.Operation.OperationId, draft.Pointer),
        }).ToEquatableArray();
        var (classes, enums) = JsonUsage.Mark(finished, CompleteUnions(_classes), _enums);

        var title = Docs.From(_document.Info?.Title);
        return new SpecModel(
            SpecFileReader.HintPrefix(_file.Path),
            _file.Namespace,
            _file.ClientName,
            _file.InternalTypes,
            title is null ? "A client for the operations of the spec." : "A client for " + title + ".",
            Docs.From(_document.Info?.Description),
            GeneratorVersion.Value,
            finished,
            classes.ToEquatableArray(),
            enums.ToEquatableArray(),
            ServerUrl.From(_document, _isHuaweiCloud, _diagnostics, FileName),
            SecuritySchemes.From(_document, _isHuaweiCloud, _isSwagger2, _diagnostics))
        {
            UsesDates = _usesDates,
            DatesAsDateOnly = _file.DatesAsDateOnly,
            // A Huawei Cloud spec's required lists come from its SDKs' request types and do not say what answers hold.
            ChecksRequiredInAnswers = _file.CheckRequiredInAnswers ?? !_isHuaweiCloud,
        };
    }

    private void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        _diagnostics.Report(descriptor, pointer, arguments);

    /// <summary>Claims <paramref name="wanted"/> in the scope; a different name is reported as a collision.</summary>
    private string Claim(NameScope scope, string wanted, string specName, string pointer)
    {
        var name = scope.Claim(wanted);
        if (name != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision, pointer, specName, wanted, name);
        }

        return name;
    }

    internal static string ComponentPointer(string key) => ComponentPrefix + JsonPointer.Escape(key);

    /// <summary>An operation's own method, with what its batching and paging methods will need.</summary>
    private sealed record OperationDraft(OperationModel Operation, OpenApiOperation Source, string Pointer);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using IoTDA.Generator.Diagnostics;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Readers.Exceptions;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using ParameterLocation = IoTDA.Generator.Model.ParameterLocation;
using SpecParameterLocation = Microsoft.OpenApi.Models.ParameterLocation;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// Reads one spec into a <see cref="SpecModel"/>. The only place OpenAPI objects exist: nothing from
/// Microsoft.OpenApi leaves this class.
/// </summary>
internal sealed class SpecParser
{
    public const string BatchItemsExtension = "x-iotda-batch-items";
    public const string PageMarkerExtension = "x-iotda-page-marker";
    public const string PageNextMarkerExtension = "x-iotda-page-next-marker";
    public const string PageItemsExtension = "x-iotda-page-items";
    public const string PageOffsetExtension = "x-iotda-page-offset";

    private static readonly Regex VersionPattern = new(
        @"^\s*[""']?(openapi|swagger)[""']?\s*:\s*[""']?(?<version>[0-9][0-9.]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex SpaceRun = new(@"(?<=\S)[ \t]{2,}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] ReservedEnumMembers =
        { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Converter" };

    private readonly SpecFile _file;
    private readonly CancellationToken _cancellationToken;
    private readonly SpecLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, TypeModel> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visitingAliases = new(StringComparer.Ordinal);
    private readonly List<ClassModel> _classes = new();
    private readonly List<EnumModel> _enums = new();
    private readonly List<InlineEnumOccurrence> _inlineEnums = new();
    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);
    private bool _isSwagger2;

    private SpecParser(SpecFile file, CancellationToken cancellationToken)
    {
        _file = file;
        _cancellationToken = cancellationToken;
        _locator = new SpecLocator(file.Path, file.Text);
        _typeNames = new NameScope(file.ClientName, "I" + file.ClientName, file.ClientName + "Json");
    }

    private string FileName => Path.GetFileName(_file.Path);

    /// <summary>Parses the spec; never throws except for cancellation.</summary>
    public static ParseResult Parse(SpecFile file, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(file, cancellationToken);
        try
        {
            var model = parser.Run();
            return new ParseResult(model, parser._diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var failure = new DiagnosticInfo(
                DiagnosticDescriptors.GeneratorFailure.Id,
                parser._locator.AtStart(),
                new[] { parser.FileName, exception.GetType().Name + ": " + exception.Message + InnermostFrame(exception) }.ToEquatableArray());
            return new ParseResult(null, parser._diagnostics.Append(failure).ToEquatableArray());
        }
    }

    /// <summary>Where it failed, so a bug report carries it even without the spec.</summary>
    private static string InnermostFrame(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(frame) ? "" : " (" + frame + ")";
    }

    private SpecModel? Run()
    {
        if (_file.ReadError is { } readError)
        {
            Report(DiagnosticDescriptors.SpecDoesNotParse.Id, null, FileName, readError);
            return null;
        }

        if (!CheckVersion())
        {
            return null;
        }

        var document = Read();
        if (document is null)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var schemas = document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        RegisterComponents(schemas);
        BuildComponents(schemas);
        var operations = BuildOperations(document);
        NameInlineEnums();

        var classes = _classes.Select(FixClass).ToEquatableArray();
        var finalOperations = operations.Select(o => FixOperation(o, classes)).ToEquatableArray();
        return new SpecModel(
            SpecFileReader.HintPrefix(_file.Path),
            _file.Namespace,
            _file.ClientName,
            _file.InternalTypes,
            Clean(document.Info?.Title),
            Clean(document.Info?.Description),
            finalOperations,
            classes,
            _enums.ToEquatableArray());
    }

    private bool CheckVersion()
    {
        var match = VersionPattern.Match(_file.Text);
        if (!match.Success)
        {
            return true;
        }

        var version = match.Groups["version"].Value;
        var supported = version == "2" || version.StartsWith("2.0", StringComparison.Ordinal) ||
                        version == "3" || version.StartsWith("3.0", StringComparison.Ordinal);
        if (!supported)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion.Id, "#/" + match.Groups[1].Value, FileName, version);
        }

        return supported;
    }

    private OpenApiDocument? Read()
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            var settings = new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences };
            document = new OpenApiStringReader(settings).Read(_file.Text, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion.Id, null, FileName, exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(DiagnosticDescriptors.SpecDoesNotParse.Id, null, FileName, exception.Message);
            return null;
        }

        _isSwagger2 = diagnostic.SpecificationVersion == Microsoft.OpenApi.OpenApiSpecVersion.OpenApi2_0;
        var fatal = false;
        foreach (var error in diagnostic.Errors)
        {
            if (error.Pointer is { } pointer && pointer.StartsWith("#line=", StringComparison.Ordinal))
            {
                fatal = true;
                Report(DiagnosticDescriptors.SpecDoesNotParse.Id, pointer, FileName, error.Message);
            }
            else
            {
                Report(DiagnosticDescriptors.SpecProblem.Id, error.Pointer, FileName, error.Pointer ?? "the root", error.Message);
            }
        }

        foreach (var warning in diagnostic.Warnings)
        {
            Report(DiagnosticDescriptors.SpecProblem.Id, warning.Pointer, FileName, warning.Pointer ?? "the root", warning.Message);
        }

        return fatal ? null : document;
    }

    // ---- component schemas ----

    private void RegisterComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            var schema = pair.Value;
            if (schema is null || IsAlias(pair.Key, schema))
            {
                continue;
            }

            if ((IsObject(schema) && !IsMap(schema)) || IsStringEnum(schema))
            {
                var name = ClaimTypeName(pair.Key, "#/components/schemas/" + Escape(pair.Key), isEnum: !IsObject(schema));
                _componentTypes[pair.Key] = IsObject(schema)
                    ? new TypeModel(TypeKind.Object, name, null)
                    : new TypeModel(TypeKind.Enum, name, null);
            }
        }
    }

    private void BuildComponents(IDictionary<string, OpenApiSchema> schemas)
    {
        foreach (var pair in schemas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!_componentTypes.TryGetValue(pair.Key, out var type))
            {
                continue;
            }

            var pointer = "#/components/schemas/" + Escape(pair.Key);
            if (type.Kind == TypeKind.Object)
            {
                BuildClass(type.Name, pair.Value, pointer);
            }
            else
            {
                _enums.Add(BuildEnum(type.Name, pair.Value, pointer));
            }
        }
    }

    /// <summary>A component that is only a <c>$ref</c> to another: references to it already lead to the target.</summary>
    private static bool IsAlias(string key, OpenApiSchema schema) =>
        schema.Reference is { } reference && !string.Equals(reference.Id, key, StringComparison.Ordinal);

    private string ClaimTypeName(string specName, string pointer, bool isEnum = false)
    {
        var wanted = Naming.ToPascalCase(specName);
        if (wanted.Length == 0)
        {
            wanted = "Schema";
        }

        // An enum struct declares Converter, Equals, GetHashCode and ToString: its own name must differ (CS0542).
        if (isEnum && ReservedEnumMembers.Contains(wanted))
        {
            wanted += "Enum";
        }

        var name = _typeNames.Claim(wanted);
        if (name != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer, specName, wanted, name);
        }

        return name;
    }

    private static bool IsObject(OpenApiSchema schema) => IsObject(schema, depth: 0);

    /// <summary>The depth bound stops a schema whose allOf contains itself (a legal, if odd, cycle).</summary>
    private static bool IsObject(OpenApiSchema schema, int depth) =>
        schema.Type == "object" || schema.Properties.Count > 0 ||
        (schema.Type is null && schema.AllOf.Count > 0 && depth < 32 &&
         schema.AllOf.All(part => part is not null && IsObject(part, depth + 1)));

    private static bool IsMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.AdditionalProperties is not null &&
        (schema.Type is null || schema.Type == "object");

    private static bool IsStringEnum(OpenApiSchema schema) =>
        schema.Enum.Count > 0 && (schema.Type is null || schema.Type == "string") &&
        schema.Enum.All(value => value is OpenApiString or OpenApiNull) && schema.Enum.Any(value => value is OpenApiString);

    private void BuildClass(string name, OpenApiSchema schema, string pointer)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<KeyValuePair<string, (OpenApiSchema Schema, string Pointer)>>();
        CollectProperties(schema, pointer, required, properties, new HashSet<OpenApiSchema>());

        // Members of object the class would hide (CS0108/CS0114 warnings) are taken, like the class's own name.
        var memberNames = new NameScope(name, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize");
        var models = new List<PropertyModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            if (!seen.Add(pair.Key))
            {
                continue;
            }

            var (propertySchema, propertyPointer) = pair.Value;
            var wanted = Naming.ToPascalCase(pair.Key);
            if (wanted.Length == 0)
            {
                wanted = "Property";
            }

            if (wanted == name)
            {
                wanted += "Value";
            }

            var memberName = memberNames.Claim(wanted);
            if (memberName != wanted)
            {
                Report(DiagnosticDescriptors.NameCollision.Id, propertyPointer, pair.Key, wanted, memberName);
            }

            var type = TypeFor(propertySchema, name, pair.Key, propertyPointer);
            var isRequired = required.Contains(pair.Key) && !(propertySchema?.Nullable ?? false);
            models.Add(new PropertyModel(
                pair.Key,
                memberName,
                type,
                isRequired,
                Clean(propertySchema?.Description ?? propertySchema?.Title),
                ConstraintsFor(propertySchema, type, propertyPointer),
                type.Kind == TypeKind.Array ? ConstraintsFor(propertySchema?.Items, type.Item!, propertyPointer + "/items") : ConstraintsModel.None));
        }

        _classes.Add(new ClassModel(name, Clean(schema.Description ?? schema.Title), models.ToEquatableArray()));
    }

    private static void CollectProperties(
        OpenApiSchema schema,
        string pointer,
        HashSet<string> required,
        List<KeyValuePair<string, (OpenApiSchema, string)>> properties,
        HashSet<OpenApiSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf[i];
            if (part is not null)
            {
                var partPointer = part.Reference is { IsExternal: false } reference && reference.Id is not null
                    ? "#/components/schemas/" + Escape(reference.Id)
                    : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                CollectProperties(part, partPointer, required, properties, visited);
            }
        }

        foreach (var name in schema.Required)
        {
            required.Add(name);
        }

        foreach (var pair in schema.Properties)
        {
            properties.Add(new KeyValuePair<string, (OpenApiSchema, string)>(pair.Key, (pair.Value, pointer + "/properties/" + Escape(pair.Key))));
        }
    }

    private EnumModel BuildEnum(string name, OpenApiSchema schema, string pointer) =>
        new(name, Clean(schema.Description ?? schema.Title), EnumMembers(name, EnumValues(schema), pointer));

    private static EquatableArray<string> EnumValues(OpenApiSchema schema) =>
        schema.Enum.OfType<OpenApiString>().Select(value => value.Value ?? "").Distinct(StringComparer.Ordinal).ToEquatableArray();

    private EquatableArray<EnumMemberModel> EnumMembers(string typeName, EquatableArray<string> values, string pointer)
    {
        var scope = new NameScope(ReservedEnumMembers.Append(typeName).ToArray());
        var members = new List<EnumMemberModel>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var valuePointer = pointer + "/enum/" + i.ToString(CultureInfo.InvariantCulture);
            var wanted = Naming.ToPascalCase(value);
            if (wanted.Length == 0)
            {
                wanted = value.Length == 0 ? "Empty" : "Value";
            }
            else if (wanted[0] == '_')
            {
                wanted = "Value" + wanted.Substring(1);
            }

            if (scope.IsTaken(wanted) && ReservedEnumMembers.Append(typeName).Contains(wanted))
            {
                wanted += "Value";
            }

            var memberName = scope.Claim(wanted);
            if (!Naming.IsPlainIdentifier(value))
            {
                Report(DiagnosticDescriptors.EnumValueNotIdentifier.Id, valuePointer, value, typeName, memberName);
            }
            else if (memberName != wanted)
            {
                Report(DiagnosticDescriptors.NameCollision.Id, valuePointer, value, wanted, memberName);
            }

            members.Add(new EnumMemberModel(value, memberName));
        }

        return members.ToEquatableArray();
    }

    // ---- types ----

    /// <summary>The C# type for a schema met as <paramref name="owner"/>'s member <paramref name="member"/>.</summary>
    private TypeModel TypeFor(OpenApiSchema? schema, string owner, string member, string pointer)
    {
        if (schema is null)
        {
            return TypeModel.Json;
        }

        if (schema.Reference is { } reference)
        {
            if (reference.IsExternal)
            {
                Report(DiagnosticDescriptors.ExternalReference.Id, pointer, reference.ReferenceV3 ?? reference.ExternalResource ?? "");
                return TypeModel.Json;
            }

            if (schema.UnresolvedReference || reference.Id is null)
            {
                return TypeModel.Json;
            }

            if (_componentTypes.TryGetValue(reference.Id, out var known))
            {
                return known;
            }

            // A component that is an array or a primitive: use its shape, guarding against one that contains itself.
            if (!_visitingAliases.Add(reference.Id))
            {
                return TypeModel.Json;
            }

            try
            {
                return StructuralType(schema, Naming.ToPascalCase(reference.Id), "", "#/components/schemas/" + Escape(reference.Id));
            }
            finally
            {
                _visitingAliases.Remove(reference.Id);
            }
        }

        return StructuralType(schema, owner, member, pointer);
    }

    private TypeModel StructuralType(OpenApiSchema schema, string owner, string member, string pointer)
    {
        if (IsStringEnum(schema))
        {
            return InlineEnum(schema, owner, member, pointer);
        }

        if (schema.Type == "array" || (schema.Type is null && schema.Items is not null))
        {
            // An object item is named for its array plus "Item"; an enum item keeps the array's name, as enums do.
            var itemName = schema.Items is { } items && items.Reference is null && IsStringEnum(items) ? member : member + "Item";
            return TypeModel.ArrayOf(TypeFor(schema.Items, owner, itemName, pointer + "/items"));
        }

        if (IsMap(schema))
        {
            return TypeModel.MapOf(TypeFor(schema.AdditionalProperties, owner, member + "Value", pointer + "/additionalProperties"));
        }

        if (IsObject(schema))
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            var properties = new List<KeyValuePair<string, (OpenApiSchema, string)>>();
            CollectProperties(schema, pointer, required, properties, new HashSet<OpenApiSchema>());
            if (properties.Count == 0)
            {
                return TypeModel.Json;
            }

            var name = ClaimTypeName(owner + Naming.ToPascalCase(member), pointer);
            BuildClass(name, schema, pointer);
            return new TypeModel(TypeKind.Object, name, null);
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0)
        {
            return TypeFor(schema.AllOf[0], owner, member, pointer + "/allOf/0");
        }

        return schema.Type switch
        {
            "string" => TypeModel.String,
            "integer" => schema.Format == "int32" ? TypeModel.Int32 : TypeModel.Int64,
            "number" => schema.Format == "float" ? TypeModel.Single : TypeModel.Double,
            "boolean" => TypeModel.Boolean,
            _ => TypeModel.Json,
        };
    }

    private TypeModel InlineEnum(OpenApiSchema schema, string owner, string member, string pointer)
    {
        var placeholder = "\u0001enum" + _inlineEnums.Count.ToString(CultureInfo.InvariantCulture);
        var baseName = Naming.ToPascalCase(member);
        _inlineEnums.Add(new InlineEnumOccurrence(placeholder, baseName.Length == 0 ? "Value" : baseName, owner, EnumValues(schema), Clean(schema.Description), pointer));
        return new TypeModel(TypeKind.Enum, placeholder, null);
    }

    /// <summary>
    /// Identical inline enums of one name share a type named after the property; when enums of one name differ,
    /// each takes its owner's name as a prefix.
    /// </summary>
    private void NameInlineEnums()
    {
        var named = new Dictionary<string, (string Name, EquatableArray<string> Values)>(StringComparer.Ordinal);
        foreach (var group in _inlineEnums.GroupBy(e => e.BaseName, StringComparer.Ordinal))
        {
            var shared = group.Select(e => e.Values).Distinct().Count() == 1;
            foreach (var inline in group)
            {
                var wanted = shared ? inline.BaseName : inline.Owner + inline.BaseName;
                if (named.TryGetValue(wanted, out var existing) && existing.Values == inline.Values)
                {
                    _enumNames[inline.Placeholder] = existing.Name;
                    continue;
                }

                // A schema already took the property's name: the owner's name keeps the enum recognisable.
                var claimed = ClaimTypeName(shared && _typeNames.IsTaken(wanted) ? inline.Owner + inline.BaseName : wanted, inline.Pointer, isEnum: true);
                named[wanted] = (claimed, inline.Values);
                _enumNames[inline.Placeholder] = claimed;
                _enums.Add(new EnumModel(claimed, inline.Description, EnumMembers(claimed, inline.Values, inline.Pointer)));
            }
        }
    }

    private ConstraintsModel ConstraintsFor(OpenApiSchema? schema, TypeModel type, string pointer)
    {
        if (schema is null)
        {
            return ConstraintsModel.None;
        }

        var isString = type.Kind == TypeKind.String;
        var isArray = type.Kind == TypeKind.Array;
        var isNumber = type.IsNumber;
        var pattern = isString ? schema.Pattern : null;
        if (pattern is not null && !IsValidPattern(pattern))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/pattern", "The pattern '" + pattern + "'", "it is not a valid regular expression");
            pattern = null;
        }

        var constraints = new ConstraintsModel(
            isArray ? NonNegative(schema.MinItems) : null,
            isArray ? NonNegative(schema.MaxItems) : null,
            isString ? NonNegative(schema.MinLength) : null,
            isString ? NonNegative(schema.MaxLength) : null,
            string.IsNullOrEmpty(pattern) ? null : pattern,
            isNumber ? ToDouble(schema.Minimum) : null,
            isNumber && schema.Minimum is not null && schema.ExclusiveMinimum == true,
            isNumber ? ToDouble(schema.Maximum) : null,
            isNumber && schema.Maximum is not null && schema.ExclusiveMaximum == true,
            type.Kind == TypeKind.Enum ? EnumValues(schema) : EquatableArray<string>.Empty);
        return constraints == ConstraintsModel.None ? ConstraintsModel.None : constraints;
    }

    private static int? NonNegative(int? value) => value is >= 0 ? value : null;

    private static double? ToDouble(decimal? value) => value is null ? null : (double)value.Value;

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    // ---- operations ----

    private List<OperationDraft> BuildOperations(OpenApiDocument document)
    {
        var drafts = new List<OperationDraft>();
        var methodNames = new NameScope(_file.ClientName, "Options", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize");
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        if (document.Paths is null)
        {
            return drafts;
        }

        foreach (var pathPair in document.Paths)
        {
            if (pathPair.Value is null)
            {
                continue;
            }

            foreach (var operationPair in pathPair.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var method = operationPair.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + Escape(pathPair.Key) + "/" + operationPair.Key.ToString().ToLowerInvariant();
                var draft = BuildOperation(pathPair.Key, method, pathPair.Value, operationPair.Value, pointer, methodNames, operationIds);
                if (draft is not null)
                {
                    drafts.Add(draft);
                }
            }
        }

        return drafts;
    }

    private OperationDraft? BuildOperation(
        string path,
        string method,
        OpenApiPathItem pathItem,
        OpenApiOperation operation,
        string pointer,
        NameScope methodNames,
        HashSet<string> operationIds)
    {
        var operationId = operation.OperationId;
        string wanted;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            wanted = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path);
            operationId = wanted;
            Report(DiagnosticDescriptors.MissingOperationId.Id, pointer, method, path, wanted + "Async");
        }
        else
        {
            wanted = Naming.ToPascalCase(operationId!);
            if (wanted.Length == 0)
            {
                wanted = Naming.ToPascalCase(method.ToLowerInvariant() + " " + path);
            }
        }

        if (wanted.Length == 0 || wanted[0] == '_')
        {
            wanted = "Operation" + wanted;
        }

        var duplicate = !operationIds.Add(operationId!);
        var methodName = methodNames.Claim(wanted);
        if (duplicate)
        {
            Report(DiagnosticDescriptors.DuplicateOperationId.Id, pointer + "/operationId", operationId!, methodName + "Async");
        }
        else if (methodName != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer + "/operationId", operationId!, wanted, methodName);
        }

        var parameterNames = new NameScope("body", "cancellationToken", "progress");
        var parameters = new List<ParameterModel>();
        foreach (var (parameter, parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (parameter.In == SpecParameterLocation.Path && parameter.Name == "project_id")
            {
                continue;
            }

            var model = BuildParameter(parameter, parameterPointer, methodName, parameterNames);
            if (model is null)
            {
                if (parameter.In == SpecParameterLocation.Path)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The operation " + operationId, "its path parameter '" + parameter.Name + "' cannot be expressed");
                    return null;
                }

                continue;
            }

            parameters.Add(model);
        }

        BodyModel? body = null;
        if (operation.RequestBody is { } requestBody && requestBody.Content.Count > 0)
        {
            var media = JsonMedia(requestBody.Content);
            if (media is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/requestBody", "The operation " + operationId, "its request body is not JSON (" + string.Join(", ", requestBody.Content.Keys) + ")");
                return null;
            }

            body = new BodyModel(TypeFor(media.Schema, methodName, "Request", pointer + "/requestBody"), requestBody.Required, Clean(requestBody.Description ?? media.Schema?.Description));
        }

        var (response, responseDescription, responseOk) = SuccessResponse(operation, methodName, pointer, operationId!);
        if (!responseOk)
        {
            return null;
        }

        var ordered = parameters.Where(p => p.Location == ParameterLocation.Path)
            .Concat(parameters.Where(p => p.Location == ParameterLocation.Query))
            .Concat(parameters.Where(p => p.Location == ParameterLocation.Header))
            .ToList();

        return new OperationDraft(
            new OperationModel(
                operationId!,
                methodName,
                method,
                path,
                Clean(operation.Summary),
                Clean(operation.Description),
                operation.Deprecated,
                ordered.ToEquatableArray(),
                body,
                response,
                responseDescription,
                null,
                null),
            StringExtension(operation, BatchItemsExtension),
            StringExtension(operation, PageMarkerExtension),
            StringExtension(operation, PageNextMarkerExtension),
            StringExtension(operation, PageItemsExtension),
            StringExtension(operation, PageOffsetExtension),
            pointer);
    }

    private static IEnumerable<(OpenApiParameter Parameter, string Pointer)> MergeParameters(OpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        var operationKeys = new HashSet<string>(
            operation.Parameters.Where(p => p is not null).Select(p => p.In + ":" + p.Name),
            StringComparer.Ordinal);
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (var i = 0; i < pathItem.Parameters.Count; i++)
        {
            var parameter = pathItem.Parameters[i];
            if (parameter is not null && parameter.Name is not null && !operationKeys.Contains(parameter.In + ":" + parameter.Name))
            {
                yield return (parameter, pathPointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            if (parameter is not null && parameter.Name is not null)
            {
                yield return (parameter, pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private ParameterModel? BuildParameter(OpenApiParameter parameter, string pointer, string methodName, NameScope names)
    {
        ParameterLocation location;
        switch (parameter.In)
        {
            case SpecParameterLocation.Path:
                location = ParameterLocation.Path;
                break;
            case SpecParameterLocation.Query:
                location = ParameterLocation.Query;
                break;
            case SpecParameterLocation.Header:
                location = ParameterLocation.Header;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "only path, query and header parameters are generated");
                return null;
        }

        if (parameter.Schema is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "a parameter needs a schema");
            return null;
        }

        var type = TypeFor(parameter.Schema, methodName, parameter.Name, pointer + "/schema");
        var scalar = type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;
        var listOfScalars = location == ParameterLocation.Query && type.Kind == TypeKind.Array &&
                            type.Item!.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;
        if (!scalar && !listOfScalars)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer, "The parameter '" + parameter.Name + "'", "its schema (" + type.Kind + ") cannot be sent as a " + location.ToString().ToLowerInvariant() + " value");
            return null;
        }

        var wanted = Naming.ToCamelCase(parameter.Name);
        if (wanted.Length == 0)
        {
            wanted = "parameter";
        }

        if (Naming.IsKeyword(wanted))
        {
            Report(DiagnosticDescriptors.KeywordName.Id, pointer, wanted, "@" + wanted);
            wanted = "@" + wanted;
        }

        var name = names.Claim(wanted);
        if (name != wanted)
        {
            Report(DiagnosticDescriptors.NameCollision.Id, pointer, parameter.Name, wanted, name);
        }

        return new ParameterModel(
            parameter.Name,
            name,
            location,
            type,
            parameter.Required || location == ParameterLocation.Path,
            Clean(parameter.Description ?? parameter.Schema.Description),
            ConstraintsFor(parameter.Schema, type, pointer + "/schema"),
            type.Kind == TypeKind.Array ? ConstraintsFor(parameter.Schema.Items, type.Item!, pointer + "/schema/items") : ConstraintsModel.None);
    }

    private (TypeModel? Type, string? Description, bool Ok) SuccessResponse(OpenApiOperation operation, string methodName, string pointer, string operationId)
    {
        var responses = operation.Responses ?? new OpenApiResponses();
        var success = responses
            .Where(pair => pair.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (KeyValuePair<string, OpenApiResponse>?)pair)
            .FirstOrDefault();
        if (success is null && responses.TryGetValue("default", out var fallback))
        {
            success = new KeyValuePair<string, OpenApiResponse>("default", fallback);
        }

        if (success is not { Value: not null } chosen || chosen.Value.Content.Count == 0)
        {
            return (null, Clean(success?.Value?.Description), true);
        }

        var media = JsonMedia(chosen.Value.Content);
        if (media is null && chosen.Value.Content.Values.All(m => m?.Schema is null))
        {
            return (null, Clean(chosen.Value.Description), true);
        }

        if (media is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, pointer + "/responses/" + Escape(chosen.Key), "The operation " + operationId, "its response is not JSON (" + string.Join(", ", chosen.Value.Content.Keys) + ")");
            return (null, null, false);
        }

        var type = TypeFor(media.Schema, methodName, "Response", pointer + "/responses/" + Escape(chosen.Key));
        return (type, Clean(chosen.Value.Description), true);
    }

    private OpenApiMediaType? JsonMedia(IDictionary<string, OpenApiMediaType> content)
    {
        // Swagger 2.0 without "produces"/"consumes" reads as application/octet-stream; a schema that is not a file
        // means the author meant JSON, as Swagger 2.0 tooling assumes.
        if (_isSwagger2 && content.Count == 1 && content.TryGetValue("application/octet-stream", out var untyped) &&
            untyped?.Schema is { } schema && !(schema.Type == "file" || (schema.Type == "string" && schema.Format == "binary")))
        {
            return untyped;
        }

        foreach (var key in new[] { "application/json", "*/*" })
        {
            if (content.TryGetValue(key, out var exact) && exact is not null)
            {
                return exact;
            }
        }

        return content
            .Where(pair => pair.Value is not null && pair.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(pair => pair.Value)
            .FirstOrDefault();
    }

    private static string? StringExtension(OpenApiOperation operation, string name) =>
        operation.Extensions.TryGetValue(name, out var value) && value is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value)
            ? text.Value.Trim()
            : null;

    // ---- finishing: enum names, batching and paging ----

    private TypeModel Fix(TypeModel type) => type.Kind switch
    {
        TypeKind.Enum when _enumNames.TryGetValue(type.Name, out var name) => new TypeModel(TypeKind.Enum, name, null),
        TypeKind.Array => TypeModel.ArrayOf(Fix(type.Item!)),
        TypeKind.Map => TypeModel.MapOf(Fix(type.Item!)),
        _ => type,
    };

    private ClassModel FixClass(ClassModel model) =>
        model with { Properties = model.Properties.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray() };

    private OperationModel FixOperation(OperationDraft draft, EquatableArray<ClassModel> classes)
    {
        var model = draft.Model with
        {
            Parameters = draft.Model.Parameters.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray(),
            Body = draft.Model.Body is { } body ? body with { Type = Fix(body.Type) } : null,
            Response = draft.Model.Response is { } response ? Fix(response) : null,
        };

        var byName = classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (draft.BatchItems is not null)
        {
            model = model with { Batch = BuildBatch(model, draft, byName) };
        }

        if (draft.PageMarker is not null)
        {
            model = model with { Paging = BuildPaging(model, draft, byName) };
        }

        return model;
    }

    private BatchModel? BuildBatch(OperationModel operation, OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        string? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, draft.Pointer + "/" + BatchItemsExtension, "Batching of " + operation.OperationId, reason);
            return null;
        }

        if (operation.Body is not { Type.Kind: TypeKind.Object } body || !classes.TryGetValue(body.Type.Name, out var bodyClass))
        {
            Fail("the request body is not an object");
            return null;
        }

        var items = bodyClass.Properties.FirstOrDefault(p => p.JsonName == draft.BatchItems);
        if (items is not { Type.Kind: TypeKind.Array } || items.Type.Item!.Kind != TypeKind.String || items.Constraints.MaxItems is not > 0)
        {
            Fail("the body has no string array '" + draft.BatchItems + "' with a positive maxItems");
            return null;
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var responseClass))
        {
            Fail("the response is not an object");
            return null;
        }

        var successes = responseClass.Properties.FirstOrDefault(p =>
            p.JsonName.IndexOf("success", StringComparison.OrdinalIgnoreCase) >= 0 && p.Type.Kind == TypeKind.Array && p.Type.Item!.Kind == TypeKind.String);
        var failures = responseClass.Properties.FirstOrDefault(p =>
            p.JsonName.IndexOf("fail", StringComparison.OrdinalIgnoreCase) >= 0 && p.Type.Kind == TypeKind.Array && p.Type.Item!.Kind == TypeKind.Object);
        if (successes is null || failures is null || !classes.TryGetValue(failures.Type.Item!.Name, out var failureClass))
        {
            Fail("the response needs a string array of successes and an object array of failures");
            return null;
        }

        PropertyModel? StringMember(Func<string, bool> match) =>
            failureClass.Properties.FirstOrDefault(p => p.Type.Kind == TypeKind.String && match(p.JsonName));
        var id = StringMember(n => n.EndsWith("id", StringComparison.OrdinalIgnoreCase));
        var code = StringMember(n => n.IndexOf("code", StringComparison.OrdinalIgnoreCase) >= 0);
        var message = StringMember(n => n.IndexOf("msg", StringComparison.OrdinalIgnoreCase) >= 0 || n.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0);
        if (id is null || code is null || message is null)
        {
            Fail("each failure needs string members for the ID, the error code and the message");
            return null;
        }

        return new BatchModel(items.JsonName, items.Constraints.MaxItems!.Value, successes.Name, failures.Name, failureClass.Name, id.Name, code.Name, message.Name);
    }

    private PagingModel? BuildPaging(OperationModel operation, OperationDraft draft, Dictionary<string, ClassModel> classes)
    {
        PagingModel? Fail(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct.Id, draft.Pointer + "/" + PageMarkerExtension, "Paging of " + operation.OperationId, reason);
            return null;
        }

        var marker = draft.PageMarker!;
        bool markerInBody;
        ClassModel? bodyClass = operation.Body is { Type.Kind: TypeKind.Object } body && classes.TryGetValue(body.Type.Name, out var found) ? found : null;
        if (operation.Parameters.Any(p => p.SpecName == marker && p.Location == ParameterLocation.Query && p.Type.Kind == TypeKind.String))
        {
            markerInBody = false;
        }
        else if (bodyClass is not null && bodyClass.Properties.Any(p => p.JsonName == marker && p.Type.Kind == TypeKind.String && !p.Required))
        {
            markerInBody = true;
        }
        else
        {
            return Fail("no optional string query parameter or body member is named '" + marker + "'");
        }

        if (markerInBody && bodyClass!.Properties.Any(p => p.Type.IsCollection || p.Type.Kind == TypeKind.Object || p.Type.Kind == TypeKind.Json))
        {
            return Fail("a body that carries the marker may hold only simple members");
        }

        if (operation.Response is not { Kind: TypeKind.Object } response || !classes.TryGetValue(response.Name, out var responseClass))
        {
            return Fail("the response is not an object");
        }

        var itemsName = draft.PageItems;
        var items = itemsName is null
            ? responseClass.Properties.Where(p => p.Type.Kind == TypeKind.Array).Take(2).ToList() is { Count: 1 } single ? single[0] : null
            : responseClass.Properties.FirstOrDefault(p => p.JsonName == itemsName && p.Type.Kind == TypeKind.Array);
        if (items is null)
        {
            return Fail("the response's item array is not found; name it with " + PageItemsExtension);
        }

        var path = new List<string>();
        var current = responseClass;
        var segments = (draft.PageNextMarker ?? marker).Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = current?.Properties.FirstOrDefault(p => p.JsonName == segments[i]);
            var last = i == segments.Length - 1;
            if (property is null || (last ? property.Type.Kind != TypeKind.String : property.Type.Kind != TypeKind.Object))
            {
                return Fail("the response has no string at '" + (draft.PageNextMarker ?? marker) + "'; name it with " + PageNextMarkerExtension);
            }

            path.Add(property.Name);
            current = last ? null : classes.TryGetValue(property.Type.Name, out var next) ? next : null;
        }

        var offset = draft.PageOffset;
        if (offset is not null)
        {
            var exists = markerInBody
                ? bodyClass!.Properties.Any(p => p.JsonName == offset && p.Type.IsNumber && !p.Required)
                : operation.Parameters.Any(p => p.SpecName == offset && p.Type.IsNumber && !p.Required);
            if (!exists)
            {
                return Fail("the offset '" + offset + "' is not an optional number beside the marker");
            }
        }

        return new PagingModel(marker, markerInBody, offset, path.ToEquatableArray(), items.Name, items.Type.Item!);
    }

    // ---- helpers ----

    private void Report(string id, string? pointer, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(id, _locator.Locate(pointer), arguments.ToEquatableArray()));

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Whitespace a reader of the spec cannot see must not change the model: a block scalar keeps the spaces that
        // end its lines (a folded one joins them into the text), so runs of spaces after a word become one.
        var lines = text!.Replace("\r\n", "\n").Trim().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = SpaceRun.Replace(lines[i].TrimEnd(), " ");
        }

        return string.Join("\n", lines);
    }

    private sealed record InlineEnumOccurrence(string Placeholder, string BaseName, string Owner, EquatableArray<string> Values, string? Description, string Pointer);

    private sealed record OperationDraft(
        OperationModel Model,
        string? BatchItems,
        string? PageMarker,
        string? PageNextMarker,
        string? PageItems,
        string? PageOffset,
        string Pointer);
}

using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;
using IoTDA.Generator.Parsing;

namespace IoTDA.Generator.Emitting;

/// <summary>The shape of one generated method: its signature, docs and body.</summary>
internal static partial class ClientEmitter
{
    private sealed record MethodParameter(string Name, string Type, bool Required, string? Description, string[] Attributes);

    private sealed class MethodSpec
    {
        private readonly List<MethodParameter> _parameters;
        private readonly System.Action<SourceWriter> _writeBody;
        private readonly bool _isAsyncIterator;
        private readonly string _name;
        private readonly string _returnType;
        private readonly string _summary;
        private readonly string? _remarks;
        private readonly string? _returns;
        private readonly bool _deprecated;

        public MethodSpec(
            string name,
            string returnType,
            string modifiers,
            List<MethodParameter> parameters,
            string summary,
            string? remarks,
            string? returns,
            bool deprecated,
            System.Action<SourceWriter> writeBody,
            bool isAsyncIterator = false)
        {
            _name = name;
            _returnType = returnType;
            Modifiers = modifiers;
            _parameters = parameters;
            _summary = summary;
            _remarks = remarks;
            _returns = returns;
            _deprecated = deprecated;
            _writeBody = writeBody;
            _isAsyncIterator = isAsyncIterator;
        }

        public string Modifiers { get; }

        public void WriteDocs(SourceWriter writer)
        {
            writer.Doc("summary", _summary);
            writer.Doc("remarks", _remarks);
            foreach (var parameter in _parameters)
            {
                writer.Doc("param", parameter.Description ?? "The " + parameter.Name.TrimStart('@') + " value.", " name=\"" + parameter.Name.TrimStart('@') + "\"");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            writer.Doc("returns", _returns ?? "A task that completes when the service has answered.");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A value breaks a rule of the spec; nothing was sent.</exception>");
            writer.Line("/// <exception cref=\"" + CSharp.Runtime + "IoTDAApiException\">The service answered with an error status.</exception>");
        }

        /// <summary>Marks a method of a deprecated operation; its wrappers carry it too, so calling it inside them does not warn.</summary>
        public void WriteObsolete(SourceWriter writer)
        {
            if (_deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The operation is deprecated in the spec.\")]");
            }
        }

        public string Signature(bool forInterface)
        {
            var lastRequired = _parameters.FindLastIndex(p => p.Required);
            var parts = new List<string>();
            for (var i = 0; i < _parameters.Count; i++)
            {
                var parameter = _parameters[i];
                var attributes = string.Concat(parameter.Attributes.Select(a => "[" + a + "] "));
                var defaultValue = !parameter.Required && i > lastRequired ? " = null" : "";
                parts.Add(attributes + parameter.Type + " " + parameter.Name + defaultValue);
            }

            parts.Add((_isAsyncIterator && !forInterface ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : "") +
                      CSharp.CancellationToken + " cancellationToken = default");
            return _returnType + " " + _name + "(" + string.Join(", ", parts) + ")";
        }

        public void WriteBody(SourceWriter writer) => _writeBody(writer);
    }
}

using System;
using System.Linq;
using IoTDA.Emulator.Http;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>The one route table against the whole API: every operation, no other, each once.</summary>
public sealed class ApiOperationsTests
{
    [Fact]
    public void The_route_table_lists_every_operation_of_the_API_with_its_method_and_path()
    {
        var spec = FullSpec.Document.Paths
            .SelectMany(path => path.Value.Operations.Select(operation =>
                $"{operation.Value.OperationId} {operation.Key.ToString().ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var table = ApiOperations.All
            .Select(operation => $"{operation.OperationId} {operation.Method} {operation.Template}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(173, spec.Count);
        Assert.Equal(spec, table);
    }

    [Fact]
    public void No_two_rows_share_an_operation_ID_or_a_method_and_path()
    {
        Assert.Equal(ApiOperations.All.Count, ApiOperations.All.Select(operation => operation.OperationId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ApiOperations.All.Count, ApiOperations.All.Select(operation => operation.Method + " " + operation.Template).Distinct(StringComparer.Ordinal).Count());
    }
}

using System.Linq;

namespace IoTDA.Analyzers.Tests.Infrastructure;

/// <summary>Consumer code around the lines a test is about.</summary>
public static class Code
{
    public const string PolicyId = "\"0123456789abcdef01234567\"";

    /// <summary>Statements inside an async method that has a client, a flag and IDs the compiler cannot count.</summary>
    public static string InMethod(string statements, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using IoTDA;
        using IoTDA.Runtime;

        public class Consumer
        {
            private const string Id = {{PolicyId}};

            {{members}}

            public async Task Run(IIoTDAClient client, bool flag, string[] more, int count, string text, CancellationToken ct)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """;

    /// <summary>A comma-separated list of <paramref name="count"/> distinct string literals.</summary>
    public static string Ids(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => "\"d" + i + "\""));
}

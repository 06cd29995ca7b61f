using System;
using System.IO;
using System.Linq;
using IoTDA.Testing;
using Xunit;

namespace IoTDA.Generator.Tests;

/// <summary>
/// The repository's standing rule that no source file grows past 400 lines, so a file stays one concept that reads
/// in a sitting. Generated baselines are printed by the generator, not written, and are left out.
/// </summary>
public class SourceSizeTests
{
    private const int MaxLines = 400;

    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", "Baselines", "node_modules" };

    [Fact]
    public void No_source_file_is_longer_than_400_lines()
    {
        var root = Repository.Root();
        var tooLong = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)))
            .Select(path => (Path: Path.GetRelativePath(root, path), Lines: File.ReadAllLines(path).Length))
            .Where(file => file.Lines > MaxLines)
            .Select(file => file.Path + " (" + file.Lines + " lines)")
            .ToArray();

        Assert.True(tooLong.Length == 0, "Split these into files of one concept each: " + string.Join(", ", tooLong));
    }
}

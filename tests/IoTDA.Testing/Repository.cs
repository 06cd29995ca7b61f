using System;
using System.IO;

namespace IoTDA.Testing;

/// <summary>Where the repository is, for tests that read or regenerate files checked into it.</summary>
public static class Repository
{
    /// <summary>The folder holding Generated.sln, found from the test binaries upwards (CallerFilePath is path-mapped in CI builds).</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln was not found above " + AppContext.BaseDirectory);
    }
}

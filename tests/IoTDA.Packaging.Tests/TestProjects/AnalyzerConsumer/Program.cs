using System;
using IoTDA;

// Two values the service would reject. AnalyzerDiagnosticsTests finds them by their text, so each stays on its own
// line: 21 target IDs (IOTDA001, at most 20 per call) and a target_type that is not one of the allowed values (IOTDA002).
var body = new DevicePolicyTargetsRequestBody
{
    TargetType = "devices",
    TargetIds = ["id-01", "id-02", "id-03", "id-04", "id-05", "id-06", "id-07", "id-08", "id-09", "id-10", "id-11", "id-12", "id-13", "id-14", "id-15", "id-16", "id-17", "id-18", "id-19", "id-20", "id-21"],
};

// A warning of the compiler's own: every build of this file shows it, whatever the rules' severities.
#warning The compiler read Program.cs
Console.WriteLine(body.TargetIds.Count);

namespace Broadsheet.Core;

/// <summary>Input that is not an issue dump (binary, undecodable). The message is one clear line for the user.</summary>
public sealed class IssueFormatException(string message) : Exception(message);

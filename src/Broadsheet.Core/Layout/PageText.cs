namespace Broadsheet.Core.Layout;

/// <summary>One page of a dump: its ordinal and its lines as recognised.</summary>
public sealed class PageText
{
    public required int Ordinal { get; init; }
    public required List<PageLine> Lines { get; init; }
}

// The load figures mean something only when nothing else in this suite competes for the two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// A resource whose records are GenericRecords kept in the store collection of its own name: the table every such
// resource reads, in one place. (A resource that keeps its records elsewhere overrides Table.)
internal abstract class RecordResource(string collection, Shape? item) : Resource<GenericRecord>(collection, item)
{
    public override Table<GenericRecord> Table(SandboxStore store) => store.Collection(Collection);
}

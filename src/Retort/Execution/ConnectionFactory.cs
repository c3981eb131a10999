using System.Data.Common;
using Retort.Configuration;

namespace Retort;

/// <summary>Creates a connection (not yet open) to the database a <see cref="DatabaseUrl"/> names.</summary>
public delegate DbConnection ConnectionFactory(DatabaseUrl url);

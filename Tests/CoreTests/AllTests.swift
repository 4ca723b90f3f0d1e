import Testing

/// One root suite, serialized: on PostgreSQL every test resets the one shared database.
/// Each file adds its own nested suite in an extension.
@Suite(.serialized) struct AllTests {}

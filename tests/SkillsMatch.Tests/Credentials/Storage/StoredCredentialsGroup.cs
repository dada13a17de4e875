namespace SkillsMatch.Tests.Credentials.Storage;

/// <summary>
/// One API host for every stored-credential test, run one class at a time: the scheduled pass re-verifies every due
/// credential in the database, so it must not run while another class is asserting on its own credentials.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StoredCredentialsGroup : ICollectionFixture<CredentialApiFixture>
{
    public const string Name = "Stored credentials";
}
